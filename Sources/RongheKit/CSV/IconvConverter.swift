internal import Glibc

/// One glibc `iconv` conversion descriptor, used to decode GB18030 and UTF-16 and to write GB18030.
///
/// The only file that calls `iconv`. Why not Foundation: on Linux, `String(data:encoding:)` with
/// CoreFoundation's GB18030 encoding does decode 4-byte sequences (`95 32 82 36` gives U+20000),
/// but only whole buffers: it returns nil both for a buffer that ends inside a character and for
/// a bad byte, without saying where. A streaming reader needs both told apart and located. glibc
/// converts incrementally: when the input ends inside a sequence it says so (`EINVAL`) and stops
/// before it, and on a bad sequence (`EILSEQ`) it stops exactly at its first byte.
///
/// glibc's table (2.36, Debian 12) maps the byte pairs that GB18030-2005 gave to private-use
/// scalars to the standard characters instead, as GB18030-2022 does (`A6 D9` reads as U+FE10,
/// `FE 51` as U+20087), so those 24 private-use scalars cannot be written (CoreFoundation differs
/// here). Not Sendable: a descriptor belongs to one reader or writer.
final class IconvConverter {
    /// How far a call to ``convert(_:appendingTo:)`` got.
    enum Outcome: Equatable {
        /// All input was converted.
        case complete
        /// The input ends inside a sequence that starts at `index`; everything before it was converted.
        case incomplete(index: Int)
        /// The sequence starting at `index` is not valid in the source encoding (or, when writing,
        /// has no bytes in the target encoding); everything before it was converted.
        case invalid(index: Int)
    }

    private let descriptor: iconv_t
    /// Where iconv writes before the bytes are appended to the caller's output; when it fills up
    /// (`E2BIG`) it is emptied and conversion goes on.
    private var scratch = [UInt8](repeating: 0, count: 16 << 10)
    /// `iconv_open`'s name for the source encoding, for our own precondition messages.
    let sourceName: String

    /// Opens a converter from `source` to `target`, named as `iconv --list` names them; nil if
    /// this C library cannot convert between the two (Debian's libc6 ships GB18030 and UTF-16).
    init?(from source: String, to target: String) {
        let descriptor = iconv_open(target, source)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else {
            return nil
        }
        self.descriptor = descriptor
        self.sourceName = source
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts `input`, appending the result to `output`, and tells how far it got.
    ///
    /// After `.incomplete` the caller keeps the bytes from `index` on and passes them again in
    /// front of the next chunk; the converter keeps no bytes of its own between calls.
    func convert(_ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Outcome {
        guard let base = input.baseAddress, !input.isEmpty else {
            return .complete
        }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        while true {
            let descriptor = self.descriptor
            let (result, error, produced) = scratch.withUnsafeMutableBytes { buffer in
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = buffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result, result == -1 ? errno : 0, buffer.count - outLeft)
            }
            output.append(contentsOf: scratch[0..<produced])
            let index = input.count - inLeft
            if result != -1 {
                return .complete
            }
            switch error {
            case E2BIG:
                continue
            case EINVAL:
                return .incomplete(index: index)
            case EILSEQ:
                return .invalid(index: index)
            default:
                preconditionFailure("iconv from \(sourceName) failed with errno \(error)")
            }
        }
    }
}
