# Sourced by a test script: starts one X server (Xvfb) for the script's
# lifetime and exports its DISPLAY. The server picks a free display number
# itself (-displayfd), so two tests cannot race for one, and no xvfb-run
# temporary folder is left to clean up after each command (xvfb-run exits 5
# when that cleanup fails, which would hide the command's own exit status).
# Call stop_own_display from the script's EXIT trap.
start_own_display() {
  local fifo_dir; fifo_dir=$(mktemp -d)
  mkfifo "$fifo_dir/display"
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$fifo_dir/display" 2>/dev/null &
  own_display_pid=$!
  local number
  if ! read -r -t 20 number <"$fifo_dir/display"; then
    rm -rf "$fifo_dir"; echo "cannot start Xvfb"; return 1
  fi
  rm -rf "$fifo_dir"
  export DISPLAY=":$number"
}
stop_own_display() {
  [ -n "${own_display_pid:-}" ] && kill "$own_display_pid" 2>/dev/null && wait "$own_display_pid" 2>/dev/null
  return 0
}
