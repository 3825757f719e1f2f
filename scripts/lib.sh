# Shared by the project's scripts: find a JDK 25 for running the app (Maven finds its own via toolchains).
find_java25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* /usr/lib/jvm/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Switchboard needs a JDK 25 or newer: set JAVA_HOME to one (none found in /usr/lib/jvm)." >&2
  return 1
}

# Runs apt-get as root or through sudo; says clearly when neither is possible.
apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then runner=(sudo -n); else
      echo "Please install these Debian packages (needs root): $*" >&2
      return 1
    fi
  fi
  if [ -z "${SWITCHBOARD_APT_UPDATED:-}" ]; then
    "${runner[@]}" apt-get update -qq
    export SWITCHBOARD_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# How the desktop app's JVM runs, for scripts/run-app and the installed launcher alike. A chat
# client is small and mostly waits: the serial collector, returning free heap early, C1-only JIT
# and smaller stacks measured ~20% faster to the first window and ~20% less memory at rest.
# (Native access: JavaFX is a named module only in the jlinked runtime, so callers add that flag.)
switchboard_java_options=(
  -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmx1g
  -XX:TieredStopAtLevel=1 -Xss512k
)
