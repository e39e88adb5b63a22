#include "render/video_encoder.hpp"

#include "render/shell.hpp"

#include <sys/wait.h>

#include <csignal>
#include <stdexcept>
#include <string>

namespace campusflow::render {

VideoEncoder::VideoEncoder(const std::filesystem::path& out, unsigned width, unsigned height, double fps)
    : out_(out, io::Unpublished::kRemove), width_(width), height_(height) {
  if (width % 2 || height % 2) throw std::runtime_error("video size must be even (yuv420p): " +
                                                       std::to_string(width) + "x" + std::to_string(height));
  const std::string cmd = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s " + std::to_string(width) + "x" +
                          std::to_string(height) + " -r " + std::to_string(fps) +
                          " -i - -c:v libx264 -pix_fmt yuv420p -preset veryfast -crf 20 -movflags +faststart -f mp4 " +
                          shell_quoted(out_.partial_path().string());
  // An ffmpeg that exits early (a bad output path, no ffmpeg at all) would
  // otherwise kill campusflow with SIGPIPE on the next write; ignored, the
  // write fails with EPIPE and is reported like any other error.
  std::signal(SIGPIPE, SIG_IGN);
  pipe_ = popen(cmd.c_str(), "w");
  if (!pipe_) throw std::runtime_error("cannot start ffmpeg (Debian: apt install ffmpeg)");
}

VideoEncoder::~VideoEncoder() {
  if (pipe_) abandon();
}

int VideoEncoder::abandon() {
  const int status = pclose(pipe_);
  pipe_ = nullptr;
  out_.abandon();
  return status;
}

void VideoEncoder::add(const sf::Image& frame) {
  if (!pipe_) throw std::runtime_error("video already finished");
  if (frame.getSize().x != width_ || frame.getSize().y != height_) throw std::runtime_error("frame size changed");
  const std::size_t bytes = std::size_t{width_} * height_ * 4;
  if (std::fwrite(frame.getPixelsPtr(), 1, bytes, pipe_) != bytes) {
    // The shell exits 127 when there was no ffmpeg to start.
    const int status = abandon();
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
      throw std::runtime_error("cannot start ffmpeg (Debian: apt install ffmpeg)");
    throw std::runtime_error("ffmpeg stopped reading before " + out_.final_path().string() +
                             " was complete (a full disk?)");
  }
}

void VideoEncoder::finish() {
  if (!pipe_) throw std::runtime_error("video already finished");
  const int status = pclose(pipe_);
  pipe_ = nullptr;
  if (status != 0) {
    out_.abandon();
    throw std::runtime_error("ffmpeg failed writing " + out_.final_path().string() + " (a full disk?)");
  }
  out_.publish();
}

}  // namespace campusflow::render
