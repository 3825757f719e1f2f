#!/usr/bin/env bash
# Makes the jpackage app-image and the Linux packages from it: adds the menu entry and hicolor icons, records
# an AppCDS archive from a training start (it halves the time to the first window; see
# docs/decisions/0006-installers.md), then builds the .deb, and the .rpm when rpmbuild exists.
# Called by the `installers` Maven profile:
#   package-linux.sh INSTALLER_DIR POM_VERSION OUT_DIR
# INSTALLER_DIR holds runtime/ (jlinked, JavaFX included) and input/ (the app's jars).
set -euo pipefail
work=$1 version=${2%%-*} out=$3   # installers need a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../../scripts/lib.sh"
jdk=$(find_java25)
icons="$here/../icons/png"
wm_class=org.switchboard.desktop.SwitchboardApp   # GTK glass names the window after the Application class

java_options=(--enable-native-access=ALL-UNNAMED,javafx.graphics "${switchboard_java_options[@]}")
jpackage_java_options=()
for option in "${java_options[@]}"; do jpackage_java_options+=(--java-options "$option"); done
# Redo the runtime's base CDS archive with the launcher's options: CDS keeps its fast module
# handling only when the module options match those of the dump.
if [ "${SWITCHBOARD_CDS:-on}" != off ]; then
  "$work/runtime/bin/java" -Xshare:dump "${java_options[@]}" >/dev/null
fi

image="$work/image/Switchboard"
rm -rf "$work/image"
main_jar=$(cd "$work/input" && ls app-desktop-*.jar)
"$jdk/bin/jpackage" --type app-image --name Switchboard --app-version "$version" --dest "$work/image" \
  --vendor Switchboard --copyright "Switchboard contributors, GPL-3.0-or-later" \
  --description "Instant messenger for XMPP, IRC and the Switchboard protocol" \
  --icon "$icons/switchboard-256.png" --runtime-image "$work/runtime" \
  --input "$work/input" --main-jar "$main_jar" --main-class org.switchboard.desktop.Main \
  "${jpackage_java_options[@]}"

# Menu entry and icons travel inside /opt/switchboard/lib (jpackage rewrites share/); postinst
# copies them into /usr/share.
desktop="$image/lib/desktop"
install -d "$desktop/applications"
sed "s/@WMCLASS@/$wm_class/" "$here/switchboard.desktop" > "$desktop/applications/switchboard.desktop"
for size in 16 32 48 64 128 256 512; do
  install -D -m 644 "$icons/switchboard-$size.png" "$desktop/icons/hicolor/${size}x${size}/apps/switchboard.png"
done

# AppCDS: the archive records each jar's size and mtime, and jpackage copies the image with new
# mtimes into the .deb. So train on the .deb's own tree (dpkg keeps its mtimes on install) and
# rebuild the .deb with the archive added.
add_cds_archive() {
  local deb=$1 root="$work/deb-root"
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  local app="$root/opt/switchboard/lib/app"
  local cfg="$app/Switchboard.cfg" jsa="$app/switchboard.jsa"
  local profile
  profile=$(mktemp -d)
  export launcher="$root/opt/switchboard/bin/Switchboard" profile jsa
  # SIGTERM ends the JVM normally, which writes the archive.
  local train='
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa" "$launcher" --profile "$profile" --demo off >"$profile/train.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      xwininfo -root -tree 2>/dev/null | grep -q "org.switchboard.desktop.SwitchboardApp" && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.1
    done
    sleep 2
    kill -TERM $pid 2>/dev/null || true
    wait $pid || true'
  if [ -n "${DISPLAY:-}" ]; then bash -c "$train"; else xvfb-run -a -s "-screen 0 1280x1024x24" bash -c "$train"; fi
  if [ ! -s "$jsa" ]; then
    echo "AppCDS training start wrote no archive; its log:" >&2
    cat "$profile/train.log" >&2
    exit 1
  fi
  rm -rf "$profile"
  # $APPDIR is expanded by the launcher, so the archive is found wherever the tree is installed.
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/switchboard.jsa' "$cfg"
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz -b "$root" "$deb" >/dev/null
  rm -rf "$root"
  echo "AppCDS archive added to $deb"
}

common=(
  --app-image "$image" --name Switchboard --app-version "$version" --dest "$out"
  --vendor Switchboard --description "Instant messenger for XMPP, IRC and the Switchboard protocol"
  --license-file "$here/../../../LICENSE"
  --linux-package-name switchboard --linux-app-release 1
  # GTK and the CJK fallback font are loaded at run time, where jpackage's library scan cannot see them.
  --linux-package-deps "libgtk-3-0, fonts-wqy-microhei"
)
rm -f "$out"/switchboard_*.deb "$out"/switchboard-*.rpm
"$jdk/bin/jpackage" --type deb "${common[@]}" --resource-dir "$here/resources" \
  --linux-app-category net --linux-deb-maintainer "packaging@switchboard.invalid"
# SWITCHBOARD_CDS=off skips the training start (it needs a display, or xvfb-run).
[ "${SWITCHBOARD_CDS:-on}" = off ] || add_cds_archive "$(ls "$out"/switchboard_*.deb)"
if command -v rpmbuild >/dev/null 2>&1; then
  # RPM desktops ship xdg-utils, so jpackage's own menu integration is fine there.
  "$jdk/bin/jpackage" --type rpm "${common[@]}" --linux-shortcut --linux-menu-group "Network;InstantMessaging" \
    --linux-app-category Applications/Internet --icon "$icons/switchboard-256.png" --linux-rpm-license-type GPL-3.0-or-later
else
  echo "rpmbuild not found: skipping the .rpm (apt-get install rpm to build it)."
fi
ls -l "$out"
