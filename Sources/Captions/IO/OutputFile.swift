#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Writes a file so that it is never seen half-written: the bytes go to a
/// temporary file beside the target, are flushed to disk, and the temporary
/// file is renamed into place. An existing target is kept unless overwriting
/// is allowed.
///
/// A process killed at any moment (even by SIGKILL) therefore leaves either
/// the old file or the complete new one at ``path``, never a truncated one.
/// What a caught signal can still leave, the temporary file, is registered
/// with ``TemporaryFiles/shared`` so the signal handler can remove it.
public struct OutputFile: Sendable {
    /// The path written to.
    public var path: String
    /// Replace an existing file at ``path``.
    public var overwrite: Bool
    /// Called once the temporary file holds the first half of the bytes,
    /// before the rest is written. A fault-injection point: it lets a test
    /// stop the process in the middle of a write and check what is left.
    public var midwayHook: (@Sendable () -> Void)?

    /// Creates an output file description.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - overwrite: replace the file if it exists.
    public init(path: String, overwrite: Bool) {
        self.path = path
        self.overwrite = overwrite
    }

    /// Writes `bytes` to ``path`` atomically.
    ///
    /// - Parameter bytes: the whole content of the file.
    /// - Throws: ``CaptionError`` of kind ``CaptionError/Kind/outputExists`` when
    ///   the file exists and ``overwrite`` is false, or ``CaptionError/Kind/unwritable``.
    public func write(_ bytes: [UInt8]) throws(CaptionError) {
        let location = SourceLocation(file: path, line: 1)
        if !overwrite, access(path, F_OK) == 0 {
            throw CaptionError(.outputExists, "\(path) exists; use --force to replace it", at: location)
        }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let (fd, temporary) = TemporaryFiles.shared.create(beside: "\(directory).\(name)")
        guard fd >= 0 else {
            throw CaptionError(.unwritable, "cannot write \(path): \(OutputFile.errnoText(-fd))", at: location)
        }
        var failure = writeAll(bytes, to: fd)
        if failure == nil, fsync(fd) != 0 { failure = errno }
        // A new file from mkstemp is 0600; give it the usual permissions.
        if failure == nil { fchmod(fd, 0o644) }
        close(fd)
        if failure == nil {
            failure = TemporaryFiles.shared.publish(temporary, as: path, replacing: overwrite)
        }
        if let failure {
            TemporaryFiles.shared.discard(temporary)
            if failure == EEXIST {
                throw CaptionError(.outputExists, "\(path) exists; use --force to replace it", at: location)
            }
            throw CaptionError(.unwritable, "cannot write \(path): \(OutputFile.errnoText(failure))", at: location)
        }
    }

    /// Writes every byte, calling ``midwayHook`` halfway; returns the errno of a failure.
    private func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            guard let midwayHook else { return OutputFile.write(base, 0..<raw.count, to: fd) }
            let half = raw.count / 2
            if let failure = OutputFile.write(base, 0..<half, to: fd) { return failure }
            midwayHook()
            return OutputFile.write(base, half..<raw.count, to: fd)
        }
    }

    /// Writes the bytes at `range`, retrying short and interrupted writes.
    private static func write(_ base: UnsafeRawPointer, _ range: Range<Int>, to fd: Int32) -> Int32? {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = systemWrite(fd, base + offset, range.upperBound - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// The temporary files being written right now, so a signal handler can
/// remove them before the process exits.
///
/// Creating, publishing (renaming into place) and removing a temporary file
/// all happen under one lock, so a handler that calls ``removeAllBeforeExit()``
/// sees every temporary file either still registered (and removes it) or
/// already at its final name (complete), and no new one can appear after it.
public final class TemporaryFiles: @unchecked Sendable {
    /// The process-wide registry.
    public static let shared = TemporaryFiles()

    private var lock = pthread_mutex_t()
    private var paths: Set<String> = []
    private var isClosed = false

    private init() { pthread_mutex_init(&lock, nil) }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }

    /// Creates and registers a new temporary file named `prefix.tmp-XXXXXX`.
    ///
    /// - Returns: the open descriptor and the file's path, or a negated errno
    ///   and an empty path.
    func create(beside prefix: String) -> (Int32, String) {
        locked {
            guard !isClosed else { return (-ECANCELED, "") }
            var template = Array("\(prefix).tmp-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return (-errno, "") }
            let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            paths.insert(path)
            return (fd, path)
        }
    }

    /// Moves a registered temporary file to `path` and forgets it.
    ///
    /// Without `replacing`, the move is a hard link, which fails with `EEXIST`
    /// when `path` appeared meanwhile, so no existing file is ever replaced;
    /// file systems without hard links fall back to a rename.
    ///
    /// - Returns: `nil` on success, or the errno of the failure.
    func publish(_ temporary: String, as path: String, replacing: Bool) -> Int32? {
        locked {
            guard !isClosed else { return ECANCELED }
            if !replacing {
                if link(temporary, path) == 0 {
                    unlink(temporary)
                    paths.remove(temporary)
                    return nil
                }
                let code = errno
                guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else { return code }
                if access(path, F_OK) == 0 { return EEXIST }
            }
            guard rename(temporary, path) == 0 else { return errno }
            paths.remove(temporary)
            return nil
        }
    }

    /// Removes a temporary file that will not be published.
    func discard(_ temporary: String) {
        locked {
            unlink(temporary)
            paths.remove(temporary)
        }
    }

    /// Deletes every registered temporary file (called on SIGINT/SIGTERM).
    public func removeAll() {
        locked {
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }

    /// Deletes every registered temporary file and refuses to create or
    /// publish any more, for a process about to exit on a signal: a write
    /// still running on another thread then fails instead of leaving a new
    /// temporary file or a late output behind.
    public func removeAllBeforeExit() {
        locked {
            isClosed = true
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
