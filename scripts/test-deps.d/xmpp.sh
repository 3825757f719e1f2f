# Sourced by scripts/install-test-deps (set -euo pipefail, helpers from scripts/lib.sh).
# protocol-xmpp's tests start private Prosody instances on their own loopback ports and talk to a
# slixmpp peer (Debian python3-slixmpp, run with /usr/bin/python3). The system Prosody service is
# not wanted: after installing, it is stopped and kept from starting at boot.
xmpp_needed=$(missing_packages prosody python3-slixmpp)
if [ -n "$xmpp_needed" ]; then
  echo "Installing XMPP test dependencies: $xmpp_needed"
  # shellcheck disable=SC2086
  apt_install $xmpp_needed
  xmpp_sudo=()
  [ "$(id -u)" -eq 0 ] || xmpp_sudo=(sudo -n)
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    "${xmpp_sudo[@]}" systemctl disable --now prosody >/dev/null 2>&1 || true
  elif [ -x /etc/init.d/prosody ]; then
    "${xmpp_sudo[@]}" /etc/init.d/prosody stop >/dev/null 2>&1 || true
    "${xmpp_sudo[@]}" update-rc.d prosody disable >/dev/null 2>&1 || true
  fi
  unset xmpp_sudo
fi
unset xmpp_needed
