import Foundation

/// A TCP listener on 127.0.0.1 that nothing should ever connect to: markup
/// under test names it as the source of an entity, a DTD, an image or a
/// style sheet, and the test then checks that no connection arrived.
final class TrapListener {
    private let socketDescriptor: Int32
    /// The port it listens on.
    let port: UInt16

    /// `http://127.0.0.1:PORT/NAME`.
    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { close(descriptor); throw POSIXError(.EADDRNOTAVAIL) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socketDescriptor) }

    /// How many connections were made (and are waiting to be accepted).
    func connectionCount() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }
}
