# Sourced by scripts/install-test-deps (set -euo pipefail, helpers from scripts/lib.sh).
# protocol-irc's tests start their own ngircd, InspIRCd and Atheme services on free loopback
# ports, and talk to a raw-socket Python peer (run with /usr/bin/python3). The packages' system
# services are not needed, so a service a fresh install started is stopped and disabled.
irc_needed=$(missing_packages ngircd inspircd atheme-services python3 openssl)
if [ -n "$irc_needed" ]; then
  echo "Installing IRC test dependencies: $irc_needed"
  # shellcheck disable=SC2086
  apt_install $irc_needed
fi
for irc_service in ngircd inspircd atheme-services; do
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now "$irc_service" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$irc_service" ]; then
    "/etc/init.d/$irc_service" stop >/dev/null 2>&1 || true
    if command -v update-rc.d >/dev/null 2>&1; then
      update-rc.d "$irc_service" disable >/dev/null 2>&1 || true
    fi
  fi
done
unset irc_needed irc_service
