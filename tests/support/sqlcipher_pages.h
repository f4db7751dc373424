// Reads an SQLCipher 3 file page by page with the raw key, free pages included, so a test can
// look for data that a plain SELECT would not show (deleted rows, freed pages). The format:
// 1024-byte pages, each AES-256-CBC encrypted up to a 48-byte reserve that holds its IV (16
// bytes) and HMAC; page 1 starts with the 16-byte salt instead of "SQLite format 3".
#pragma once

#include <filesystem>
#include <span>
#include <string>

namespace naast::testing {

struct DecryptedFile {
  std::string plaintext;  // every page's decrypted bytes, one after the other
  std::size_t pages = 0;
  bool header_ok = false;  // page 1 decrypted to a valid SQLite header (the key is right)
};

// The main database file.
DecryptedFile DecryptDatabase(const std::filesystem::path& file,
                              std::span<const unsigned char> key);
// A write-ahead log (-wal): a 32-byte header, then frames of a 24-byte header and a page.
DecryptedFile DecryptWal(const std::filesystem::path& file, std::span<const unsigned char> key);

}  // namespace naast::testing
