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
    # bin/liveflow-chassis and karaf/lab are Python 3 (Debian's openvswitch-common depends on it anyway)
    [ -x /usr/bin/python3 ] || liveflow_setup python3 || return 1
    command -v ovs-vswitchd >/dev/null && command -v ovsdb-tool >/dev/null && return 0
    liveflow_install_daemons openvswitch-switch
}

# OVN 23.03 (ovn-central, ovn-host), the peer the migration benchmark measures liveflow against; the benchmark
# runs its own northd, databases and ovn-controllers under it/target, so Debian's services stay off.
liveflow_setup_ovn() {
    liveflow_setup_ovs || return 1
    command -v ovn-northd >/dev/null && command -v ovn-controller >/dev/null && return 0
    liveflow_install_daemons ovn-central ovn-host
}

# Installs Debian packages that ship daemons without letting their postinst start the distribution's services.
liveflow_install_daemons() {
    local sudo="" blocker=/usr/sbin/policy-rc.d added=0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ ! -e "$blocker" ]; then
        # Debian's postinst would start the distribution's own daemons; policy-rc.d 101 forbids that.
        printf '#!/bin/sh\nexit 101\n' | $sudo tee "$blocker" >/dev/null && $sudo chmod +x "$blocker" && added=1
    fi
    echo "Installing Debian packages: $*" >&2
    local status=0
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"; } \
            >/tmp/liveflow-apt.log 2>&1; then
        cat /tmp/liveflow-apt.log >&2
        status=1
    fi
    [ "$added" -eq 1 ] && $sudo rm -f "$blocker"
    return $status
}

# A test JVM killed with SIGKILL cannot run its clean-up: stops any Karaf, OVS or OVN process such a run left under
# the given run directory, by pid file (and only if that process still runs from that directory).
liveflow_stop_leftovers() {
    local runs="$1" pid_file pid
    for pid_file in "$runs"/*/karaf.pid "$runs"/*-ovs/*/*.pid "$runs"/*-ovn/*/*.pid "$runs"/*-ovn/*/*/*.pid \
            "$runs"/walkthrough/karaf/target/assembly/karaf.pid "$runs"/walkthrough/karaf/target/lab/*/*.pid \
            "$runs"/*/member-*/karaf.pid "$runs"/*/*-ovs/*/*.pid "$runs"/*-bystanders/*/*.pid \
            "$runs"/ovn-programming*/*/*.pid "$runs"/ovn-programming*/*/*/*.pid; do
        [ -f "$pid_file" ] || continue
        pid="$(cat "$pid_file")"
        [ -r "/proc/$pid/cmdline" ] || continue
        if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$(dirname "$pid_file")"; then
            echo "Stopping pid $pid ($pid_file) left behind by an earlier run"
            kill -KILL "$pid" || true
        fi
    done
}
