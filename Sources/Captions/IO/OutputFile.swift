#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that it is never seen half-written: the bytes go to a
/// temporary file beside the target, are flushed to disk, and the temporary
/// file is renamed into place. An existing target is kept unless overwriting
/// is allowed.
public struct OutputFile: Sendable {
    /// The path written to.
    public var path: String
    /// Replace an existing file at ``path``.
    public var overwrite: Bool

    /// Creates an output file description.
    public init(path: String, overwrite: Bool) {
        self.path = path
        self.overwrite = overwrite
    }

    /// Writes `bytes` to ``path`` atomically.
    ///
    /// - Throws: ``CaptionError`` of kind ``CaptionError/Kind/outputExists`` when
    ///   the file exists and ``overwrite`` is false, or ``CaptionError/Kind/unwritable``.
    public func write(_ bytes: [UInt8]) throws(CaptionError) {
        let location = SourceLocation(file: path, line: 1)
        if !overwrite, access(path, F_OK) == 0 {
            throw CaptionError(.outputExists, "\(path) exists; use --force to replace it", at: location)
        }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory).\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CaptionError(.unwritable, "cannot write \(path): \(OutputFile.errnoText())", at: location)
        }
        let temporary = String(cString: template)
        TemporaryFiles.shared.register(temporary)
        defer { TemporaryFiles.shared.unregister(temporary) }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = OutputFile.errnoText()
                    return
                }
                written += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = OutputFile.errnoText() }
        // A new file from mkstemp is 0600; give it the usual permissions.
        if failure == nil { fchmod(fd, 0o644) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = OutputFile.errnoText() }
        if let failure {
            unlink(temporary)
            throw CaptionError(.unwritable, "cannot write \(path): \(failure)", at: location)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The temporary files being written right now, so a signal handler can
/// remove them before the process exits.
public final class TemporaryFiles: @unchecked Sendable {
    /// The process-wide registry.
    public static let shared = TemporaryFiles()

    private var lock = pthread_mutex_t()
    private var paths: Set<String> = []

    private init() { pthread_mutex_init(&lock, nil) }

    func register(_ path: String) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        paths.insert(path)
    }

    func unregister(_ path: String) {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        paths.remove(path)
    }

    /// Deletes every registered temporary file (called on SIGINT/SIGTERM).
    public func removeAll() {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        for path in paths { unlink(path) }
        paths.removeAll()
    }
}
