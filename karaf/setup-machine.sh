# Sourced by karaf/controller and it/run-all-tests: makes sure this machine has what liveflow needs to build,
# run and test (JDK 17, curl, OpenSSH client), installing Debian packages only when something is missing,
# and exports JAVA_HOME pointing at a JDK 17 (Karaf 4.4's shell fails on JDK 24+).

liveflow_java17_home() {
    local candidate
    for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
            /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-17-openjdk; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        if "$candidate/bin/java" -version 2>&1 | grep -q 'version "17\.'; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

liveflow_setup() {
    local missing=""
    liveflow_java17_home >/dev/null || missing="$missing openjdk-17-jdk-headless"
    command -v curl >/dev/null || missing="$missing curl"
    command -v ssh >/dev/null || missing="$missing openssh-client"
    command -v ssh-keygen >/dev/null || missing="$missing openssh-client"
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
    done
    if [ -n "$missing" ]; then
        echo "Installing Debian packages:$missing" >&2
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2 \
            || { echo "Could not install:$missing" >&2; return 1; }
    fi
    JAVA_HOME="$(liveflow_java17_home)" || { echo "No JDK 17 found even after installing it" >&2; return 1; }
    export JAVA_HOME
    export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs Open vSwitch for the real-switch lab tests without starting the system's OVS service: the tests run
# their own ovsdb-server/ovs-vswitchd per chassis, in userspace, under it/target.
liveflow_setup_ovs() {
    command -v ovs-vswitchd >/dev/null && command -v ovsdb-tool >/dev/null && return 0
    local sudo="" blocker=/usr/sbin/policy-rc.d added=0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ ! -e "$blocker" ]; then
        # Debian's postinst would start the distribution's own OVS daemons; policy-rc.d 101 forbids that.
        printf '#!/bin/sh\nexit 101\n' | $sudo tee "$blocker" >/dev/null && $sudo chmod +x "$blocker" && added=1
    fi
    echo "Installing Debian packages: openvswitch-switch" >&2
    local status=0
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openvswitch-switch; } \
            >/tmp/liveflow-apt-ovs.log 2>&1; then
        cat /tmp/liveflow-apt-ovs.log >&2
        status=1
    fi
    [ "$added" -eq 1 ] && $sudo rm -f "$blocker"
    return $status
}
