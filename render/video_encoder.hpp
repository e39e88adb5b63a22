#pragma once
// An MP4 written by ffmpeg from raw RGBA frames on a pipe: H.264, yuv420p
// (what browsers play), into OUT.partial, claimed as every output is
// (sim/io/output_file.hpp) and renamed to OUT when complete, so a failed or
// interrupted render leaves no half-written video under the name, and no
// .partial either.
#include <SFML/Graphics/Image.hpp>
#include <cstdio>
#include <filesystem>

#include "sim/io/output_file.hpp"

namespace campusflow::render {

class VideoEncoder {
 public:
  // Throws std::runtime_error when ffmpeg cannot be started, io::IoError when
  // `out` cannot be claimed.
  VideoEncoder(const std::filesystem::path& out, unsigned width, unsigned height, double fps);
  ~VideoEncoder();  // an unfinished video is removed
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  void add(const sf::Image& frame);
  // Closes the pipe and renames the file; throws std::runtime_error when ffmpeg failed.
  void finish();

 private:
  // Closes the pipe, removes the partial file; returns ffmpeg's wait status.
  int abandon();

  io::OutputFile out_;
  unsigned width_, height_;
  std::FILE* pipe_ = nullptr;
};

}  // namespace campusflow::render
