#include "render/png_encoder.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace campusflow::render {

namespace {

void put_u32(std::vector<std::byte>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::byte>((v >> shift) & 0xFFu));
}

// A chunk: length, type, data, CRC-32 of type and data (spec. 5.3).
void put_chunk(std::vector<std::byte>& out, std::string_view type, const std::vector<std::byte>& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t crc_from = out.size();
  for (const char c : type) out.push_back(static_cast<std::byte>(c));
  out.insert(out.end(), data.begin(), data.end());
  const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + crc_from);
  put_u32(out, static_cast<std::uint32_t>(crc32(crc32(0, nullptr, 0), bytes, static_cast<uInt>(out.size() - crc_from))));
}

}  // namespace

std::vector<std::byte> encode_png(const sf::Image& image) {
  const std::uint32_t width = image.getSize().x, height = image.getSize().y;
  if (width == 0 || height == 0) throw std::runtime_error("cannot encode an empty image as PNG");
  const std::size_t row = std::size_t{width} * 4;
  // Each row: the filter type, then the differences to the pixel on the left.
  std::vector<unsigned char> raw(height * (row + 1));
  const unsigned char* pixels = image.getPixelsPtr();
  for (std::size_t y = 0; y < height; ++y) {
    unsigned char* out = raw.data() + y * (row + 1);
    const unsigned char* in = pixels + y * row;
    out[0] = 1;  // Sub
    for (std::size_t k = 0; k < row; ++k)
      out[1 + k] = static_cast<unsigned char>(in[k] - (k >= 4 ? in[k - 4] : 0));
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<std::byte> packed(packed_size);
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, raw.data(), static_cast<uLong>(raw.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK)
    throw std::runtime_error("cannot compress a PNG image");
  packed.resize(packed_size);

  std::vector<std::byte> png;
  for (const unsigned char b : std::array<unsigned char, 8>{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
    png.push_back(static_cast<std::byte>(b));
  std::vector<std::byte> header;
  put_u32(header, width);
  put_u32(header, height);
  // Bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace.
  for (const unsigned char b : std::array<unsigned char, 5>{8, 6, 0, 0, 0}) header.push_back(static_cast<std::byte>(b));
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", packed);
  put_chunk(png, "IEND", {});
  return png;
}

}  // namespace campusflow::render
