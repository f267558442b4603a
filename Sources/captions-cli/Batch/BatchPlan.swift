#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of a batch: where it is read from and, for commands that write
/// files, where its output goes.
struct BatchJob: Sendable, Hashable {
    /// The input path as found (given on the command line or under a given directory).
    var input: String
    /// The output path in the output directory, or `nil` for a command that only reports.
    var output: String?
}

/// Why a batch cannot start: a problem with the command line as a whole,
/// found before any file is read.
struct BatchPlanError: Error, CustomStringConvertible {
    /// What is wrong, naming the inputs concerned.
    var description: String
    /// The exit status: 64 for a command line that cannot work, 66 for an
    /// input directory with nothing to read.
    var status: Int32 = 64
}

/// Turns the inputs named on the command line into the list of jobs:
/// directories are searched recursively for files with a known extension,
/// each file is listed once, and each output is named after its input's
/// base name in the output directory.
enum BatchPlan {
    /// Lists the jobs for `inputs`.
    ///
    /// - Parameters:
    ///   - inputs: files and directories, in command-line order. A named file
    ///     is taken whatever its extension; a directory contributes the files
    ///     below it whose extension is in `extensions`, in name order, skipping
    ///     hidden entries (which include our own temporary files) and never
    ///     following a symbolic link to a directory (so a link loop cannot
    ///     make the walk endless).
    ///   - extensions: the lower-case extensions the command reads.
    ///   - outputDirectory: where outputs go, or `nil` when the command writes no files.
    ///   - outputExtension: the extension of each output (without the dot).
    /// - Returns: the jobs, in order, one per distinct input file.
    /// - Throws: ``BatchPlanError`` when `-` is among several inputs, when a
    ///   directory holds no readable file, or when two inputs would be
    ///   written to the same output.
    static func jobs(for inputs: [String], extensions: Set<String>, outputDirectory: String?, outputExtension: String) throws(BatchPlanError) -> [BatchJob] {
        var files: [String] = []
        for input in inputs {
            if input == "-" {
                throw BatchPlanError(description: "standard input (-) cannot be part of a batch; give file names")
            }
            if isDirectory(input) {
                let before = files.count
                collect(directory: input, extensions: extensions, into: &files)
                if files.count == before {
                    throw BatchPlanError(description: "\(input): no files with extension \(extensions.sorted().joined(separator: ", ")) found", status: ExitStatus.missingInput)
                }
            } else {
                files.append(input)
            }
        }
        var seenInputs: Set<String> = []
        var inputForOutput: [String: String] = [:]
        var jobs: [BatchJob] = []
        for file in files {
            // The same file named twice (directly and through its directory,
            // or by two spellings of its path) is converted once.
            guard seenInputs.insert(canonicalPath(file)).inserted else { continue }
            var output: String?
            if let outputDirectory {
                let path = join(outputDirectory, stem(of: file) + "." + outputExtension)
                if let other = inputForOutput[path] {
                    throw BatchPlanError(description: "\(other) and \(file) would both be written to \(path); convert them in separate runs or rename one")
                }
                inputForOutput[path] = file
                output = path
            }
            jobs.append(BatchJob(input: file, output: output))
        }
        return jobs
    }

    /// Appends the files below `directory` with a known extension, depth first in name order.
    private static func collect(directory: String, extensions: Set<String>, into files: inout [String]) {
        guard let stream = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(stream)
        for name in names.sorted() {
            let path = join(directory, name)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collect(directory: path, extensions: extensions, into: &files)
            case S_IFREG, S_IFLNK:
                // A link is followed only to a regular file: never to a
                // directory (no loops) nor to a pipe or device (no endless read).
                if let ext = fileExtension(of: name), extensions.contains(ext.lowercased()), isRegularFile(path) {
                    files.append(path)
                }
            default:
                continue
            }
        }
    }

    /// `true` when `path` names a directory (following links).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// `true` when `path` names a regular file (following links).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The file's name without its directory and last extension: `in/a.en.srt` is `a.en`.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The extension of a file name, if it has one.
    static func fileExtension(of name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return String(name[name.index(after: dot)...])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The resolved path of an existing file; the path as given otherwise.
    private static func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
