import CaptionSamples

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// generate-captions srt|vtt|ttml MEGABYTES OUTPUT
// Writes the deterministic benchmark sample (see CaptionSample) of at least
// MEGABYTES MiB to OUTPUT.
/// Prints a line on standard error and exits with `status`.
func fail(_ message: String, status: Int32) -> Never {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let format = CaptionSample.Format(rawValue: arguments[1]),
      let megabytes = Int(arguments[2]), megabytes > 0
else {
    fail("usage: generate-captions srt|vtt|ttml MEGABYTES OUTPUT", status: 64)
}
let bytes = CaptionSample.bytes(format, atLeast: megabytes << 20)
guard let file = fopen(arguments[3], "wb") else {
    fail("generate-captions: cannot write \(arguments[3])", status: 74)
}
let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
guard written == bytes.count, fclose(file) == 0 else {
    fail("generate-captions: cannot write \(arguments[3])", status: 74)
}
