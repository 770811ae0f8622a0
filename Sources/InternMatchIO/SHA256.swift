import CLibCrypto

/// The SHA-256 digest of a byte sequence (FIPS 180-4), as the run manifest records every input.
///
/// ```swift
/// SHA256.hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// Computed by OpenSSL's libcrypto (`EVP_Digest`), which uses the processor's SHA instructions
/// where it has them: a 9 MB students.csv costs a few milliseconds, where a portable Swift
/// implementation measured 72 instructions a byte (0.65 G instructions for the same file). A
/// test checks it against `sha256sum` and the FIPS 180-4 examples.
///
/// - Complexity: O(n).
package enum SHA256 {
  /// The digest of `bytes` as 64 lowercase hexadecimal digits.
  package static func hex(of bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let ok = bytes.withUnsafeBytes { message in
      digest.withUnsafeMutableBufferPointer { out in
        EVP_Digest(message.baseAddress, message.count, out.baseAddress, &length, EVP_sha256(), nil)
      }
    }
    // EVP_Digest fails only when libcrypto cannot allocate its context: nothing to report but
    // the failure itself.
    precondition(ok == 1 && length == 32, "SHA256: libcrypto's EVP_Digest failed")
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest.prefix(32) {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xf)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
