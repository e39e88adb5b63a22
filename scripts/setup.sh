#!/usr/bin/env bash
# Installs the Debian bookworm packages campusflow builds and tests with.
# Idempotent: packages already present are skipped; uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev
  libeigen3-dev libtbb-dev libhdf5-dev libsfml-dev catch2 libbenchmark-dev zlib1g-dev
  libboost-mpi1.81-dev libopenmpi-dev openmpi-bin
  xvfb xauth ffmpeg libgl1-mesa-dri fonts-dejavu-core
  clang libclang-rt-14-dev
  python3-h5py python3-numpy python3-matplotlib python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
