#!/usr/bin/env bash
# Set up a fresh Debian 12 machine and build SA3 Studio, then either launch the studio or run
# every test. This is what the README's two commands and .ci/run call.
#   scripts/bootstrap.sh studio   install packages, build, launch sa3studio
#   scripts/bootstrap.sh test     install packages, build, run the whole CTest suite
set -euo pipefail
mode=${1:?usage: $0 studio|test}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SA3_BUILD_DIR:-$root/build}

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-multimedia-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
  qt6-qpa-plugins libqt6svg6
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libzip-dev libtorch-dev libopenblas0-openmp
  libsndfile1-dev libsoxr-dev libsentencepiece-dev libgtest-dev libgmock-dev libcpp-httplib-dev
  libebur128-dev libfftw3-dev sentencepiece xvfb xauth imagemagick zip unzip
  gstreamer1.0-plugins-good
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc)
cmake -S "$root" -B "$build" -G Ninja
cmake --build "$build" --parallel "$jobs"

case "$mode" in
  studio) exec "$build/app/sa3studio/sa3studio" ;;
  test) ctest --test-dir "$build" --output-on-failure --parallel "$jobs" ;;
  *) echo "unknown mode $mode (studio|test)" >&2; exit 2 ;;
esac
