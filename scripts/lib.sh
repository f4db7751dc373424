# Shared by scripts/run, scripts/test and scripts/bench: install what a fresh Debian 12 machine
# lacks, then configure and build a CMake preset. Sourced, not run.
set -euo pipefail
NAAST_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$NAAST_ROOT"

# Debian 12 packages the build and the tests need. Keep in sync with docs/ARCHITECTURE.md.
NAAST_PACKAGES=(
  cmake ninja-build g++ pkg-config
  clang libclang-rt-14-dev clang-format   # ASan/UBSan, libFuzzer, the style check
  catch2 nlohmann-json3-dev zlib1g-dev libsodium-dev libsqlcipher-dev sqlcipher
  libqrencode-dev zbar-tools              # the enrolment QR code; the test reads it back
  libssl-dev openssl                      # TLS for sync; tests read SQLCipher pages
  libboost1.81-dev                        # Beast/Asio: the sync server and the HTTPS client
  postgresql libpq-dev                    # the server on PostgreSQL; tests start a throwaway cluster
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-l10n-tools libgl-dev   # the app (mobile/)
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qttest qt6-qpa-plugins        # QML tests; the offscreen platform for screenshots
  qml6-module-qttexttospeech qt6-speech-dev qt6-speech-flite-plugin   # reading the dagboek aloud
  qt6-multimedia-dev qml6-module-qtmultimedia libzbar-dev   # scanning a new tablet's QR code
)

naast_install_deps() {
  local missing=()
  for p in "${NAAST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: missing packages and not root; run as root or install: ${missing[*]}" >&2
      exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

naast_build() {  # naast_build PRESET
  echo "== configuring and building preset $1"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$(nproc)"
}
