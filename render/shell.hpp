#pragma once
// Running helper programs (ffmpeg, the report's Python) through the shell.
#include <string>

namespace campusflow::render {

// `s` in single quotes for /bin/sh, embedded quotes escaped: paths with
// spaces or quotes reach the program as one argument.
std::string shell_quoted(const std::string& s);

}  // namespace campusflow::render
