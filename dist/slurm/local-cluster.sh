#!/usr/bin/env bash
# Starts (or stops) a real single-node Slurm cluster on this machine, for
# trying transferlab's Slurm support and for CI. Run it as root on a
# Debian/Ubuntu-like system; it needs no systemd (daemons are started directly).
#
#   local-cluster.sh [start] [--force]   install if needed, configure, start, wait until the node is idle
#   local-cluster.sh stop                stop slurmctld and slurmd (munged is left running)
#   local-cluster.sh status              print the one-line summary; exit 0 if up, 1 if not
#
# Environment:
#   MAX_ARRAY_SIZE    sets MaxArraySize in slurm.conf (Slurm's default otherwise)
#   MEM_HEADROOM_MB   memory kept back from Slurm, in MB (default 512)
#   WAIT_SECONDS      how long to wait for the node to become idle (default 60)
#
# The slurm.conf it writes starts with a marker line; a slurm.conf without that
# marker is left alone unless --force is given.
set -euo pipefail

readonly CONF_DIR=/etc/slurm
readonly CONF=$CONF_DIR/slurm.conf
readonly MARKER='# Written by transferlab dist/slurm/local-cluster.sh; rewritten on each start.'
readonly CTLD_PID=/run/slurmctld.pid
readonly SLURMD_PID=/run/slurmd.pid
readonly LOG_DIR=/var/log/slurm
readonly CTLD_SPOOL=/var/spool/slurmctld
readonly SLURMD_SPOOL=/var/spool/slurmd
readonly MUNGE_KEY=/etc/munge/munge.key
readonly CLUSTER=transferlab-local
readonly PARTITION=debug

WAIT_SECONDS=${WAIT_SECONDS:-60}
MEM_HEADROOM_MB=${MEM_HEADROOM_MB:-512}
MAX_ARRAY_SIZE=${MAX_ARRAY_SIZE:-}

say() { printf 'slurm: %s\n' "$*"; }
die() { printf 'slurm: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- arguments
ACTION=start
FORCE=0
for arg in "$@"; do
  case $arg in
    start|stop|status) ACTION=$arg ;;
    --force) FORCE=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done

[[ $(id -u) -eq 0 ]] || die "must be run as root"
[[ $WAIT_SECONDS =~ ^[0-9]+$ ]] || die "WAIT_SECONDS must be a number of seconds: $WAIT_SECONDS"
[[ $MEM_HEADROOM_MB =~ ^[0-9]+$ ]] || die "MEM_HEADROOM_MB must be a number of MB: $MEM_HEADROOM_MB"
[[ -z $MAX_ARRAY_SIZE || $MAX_ARRAY_SIZE =~ ^[1-9][0-9]*$ ]] || die "MAX_ARRAY_SIZE must be a positive number: $MAX_ARRAY_SIZE"
export PATH=$PATH:/usr/sbin:/sbin
HOST=$(hostname -s)
[[ -n $HOST ]] || die "hostname -s printed nothing"

# ---------------------------------------------------------------- helpers
alive() { # pid: running and not a zombie (a zombie may linger where init reaps late)
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  st=${st//[[:space:]]/}
  [[ -n $st && $st != Z* ]]
}

daemon_pids() { # pidfile daemon-name: the live processes of that daemon
  { [[ -s $1 ]] && cat "$1" 2>/dev/null; pgrep -x "$2" 2>/dev/null || true; } | sort -u | while read -r p; do
    [[ $p =~ ^[0-9]+$ ]] && alive "$p" && echo "$p"
  done
  return 0
}

pid_alive() { # pidfile daemon-name
  [[ -n $(daemon_pids "$1" "$2") ]]
}

stop_daemon() { # pidfile daemon-name
  local pids i
  pids=$(daemon_pids "$1" "$2")
  [[ -n $pids ]] || return 0
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  # shellcheck disable=SC2086
  kill -CONT $pids 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    pids=$(daemon_pids "$1" "$2")
    [[ -z $pids ]] && { rm -f "$1"; return 0; }
    sleep 0.1
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  sleep 0.2
  rm -f "$1"
}

node_state() { # prints e.g. idle, mixed, down*, drained; empty if slurmctld does not answer
  timeout 10 sinfo -h -n "$HOST" -o %T 2>/dev/null | head -n 1 || true
}

node_ready() {
  case $(node_state) in
    idle|mixed|allocated|completing) return 0 ;;
    *) return 1 ;;
  esac
}

summary() {
  local line cpus mem
  line=$(timeout 10 scontrol -o show node "$HOST" 2>/dev/null || true)
  cpus=$(sed -n 's/.* CPUTot=\([0-9]*\).*/\1/p' <<<"$line")
  mem=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$line")
  say "single-node cluster on $HOST is up (${cpus:-?} CPUs, ${mem:-?} MB); partition $PARTITION"
}

cluster_up() {
  pid_alive "$CTLD_PID" slurmctld && pid_alive "$SLURMD_PID" slurmd &&
    timeout 10 scontrol ping >/dev/null 2>&1 &&
    timeout 10 scontrol show slurmd >/dev/null 2>&1 && node_ready
}

stop_cluster() {
  stop_daemon "$SLURMD_PID" slurmd
  stop_daemon "$CTLD_PID" slurmctld
}

# ---------------------------------------------------------------- stop / status
if [[ $ACTION == stop ]]; then
  if pid_alive "$CTLD_PID" slurmctld || pid_alive "$SLURMD_PID" slurmd; then
    stop_cluster
    say "stopped slurmctld and slurmd on $HOST"
  else
    say "slurmctld and slurmd are not running on $HOST"
  fi
  exit 0
fi

if [[ $ACTION == status ]]; then
  if cluster_up; then
    summary
    exit 0
  fi
  say "cluster on $HOST is not up (node state: $(node_state || true))"
  exit 1
fi

# ---------------------------------------------------------------- install
install_packages() {
  local missing=() cmd pkg
  for pair in slurmctld:slurmctld slurmd:slurmd sbatch:slurm-client munged:munge; do
    cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || [[ -x /usr/sbin/$cmd ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null 2>&1 ||
    die "missing ${missing[*]} and apt-get is not available; install Slurm and MUNGE by hand"
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/local-cluster-apt.log 2>&1; then
    apt-get update -qq >>/tmp/local-cluster-apt.log 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/local-cluster-apt.log 2>&1 ||
      { tail -n 20 /tmp/local-cluster-apt.log >&2; die "apt-get install ${missing[*]} failed"; }
  fi
}
install_packages

# ---------------------------------------------------------------- munge
munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munge() {
  local new_key=0
  if [[ ! -s $MUNGE_KEY ]]; then
    new_key=1
    say "creating $MUNGE_KEY"
    install -d -o munge -g munge -m 0700 /etc/munge
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile="$MUNGE_KEY" --force >/dev/null
    elif command -v create-munge-key >/dev/null 2>&1; then
      create-munge-key -f >/dev/null
    else
      dd if=/dev/urandom of="$MUNGE_KEY" bs=1 count=1024 status=none
    fi
  fi
  chown munge:munge "$MUNGE_KEY"
  chmod 0400 "$MUNGE_KEY"
  ((new_key == 0)) && munge_works && return 0
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/log/munge
  install -d -o munge -g munge -m 0711 /var/lib/munge
  # a munged that does not answer, or that runs with an older key: restart it
  stop_daemon /run/munge/munged.pid munged
  rm -f /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
  runuser -u munge -- munged || die "munged did not start (see /var/log/munge/munged.log)"
  local i
  for ((i = 0; i < 50; i++)); do
    munge_works && return 0
    sleep 0.1
  done
  die "munged is running but 'munge -n | unmunge' fails (see /var/log/munge/munged.log)"
}

# ---------------------------------------------------------------- slurm.conf
write_conf() { # prints the configuration to stdout
  local probe cpus boards sockets cores threads mem
  probe=$(slurmd -C 2>/dev/null | head -n 1)
  [[ $probe == NodeName=* ]] || die "'slurmd -C' printed no node description: $probe"
  field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" $probe"; }
  cpus=$(field CPUs) boards=$(field Boards) sockets=$(field SocketsPerBoard)
  cores=$(field CoresPerSocket) threads=$(field ThreadsPerCore) mem=$(field RealMemory)
  [[ -n $cpus && -n $mem ]] || die "cannot read CPUs/RealMemory from 'slurmd -C': $probe"
  # keep some memory for the system, but never drop below half of it
  if ((mem - MEM_HEADROOM_MB >= mem / 2)); then mem=$((mem - MEM_HEADROOM_MB)); else mem=$((mem / 2)); fi
  local defmem=$((mem / cpus))

  cat <<EOF
$MARKER
# Single-node cluster "$CLUSTER" on $HOST. Stop with: local-cluster.sh stop
ClusterName=$CLUSTER
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none

StateSaveLocation=$CTLD_SPOOL
SlurmdSpoolDir=$SLURMD_SPOOL
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info

# no cgroups: works in containers and without systemd
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none

# no accounting database
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none

SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# without a default, a job that gives no --mem would be handed the whole node
DefMemPerCPU=$defmem

# short jobs in chains: with Slurm's defaults an afterok dependent starts 2 s after
# its dependency ends and a new job up to 3 s after submission; with these, within 1 s
SchedulerType=sched/backfill
SchedulerParameters=sched_min_interval=0,batch_sched_delay=0,bf_interval=1,sched_interval=1
MinJobAge=300
KillWait=30
ReturnToService=2
SlurmdTimeout=300
InactiveLimit=0
Waittime=0
EOF
  if [[ -n $MAX_ARRAY_SIZE ]]; then echo "MaxArraySize=$MAX_ARRAY_SIZE"; fi
  cat <<EOF

NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$cpus Boards=${boards:-1} SocketsPerBoard=${sockets:-1} CoresPerSocket=${cores:-$cpus} ThreadsPerCore=${threads:-1} RealMemory=$mem State=UNKNOWN
PartitionName=$PARTITION Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

if [[ -e $CONF ]] && ! head -n 1 "$CONF" | grep -qxF "$MARKER"; then
  if ((FORCE == 0)); then
    die "$CONF exists and was not written by this script; rerun with --force to replace it (the old one is then saved as $CONF.bak)"
  fi
  cp -p "$CONF" "$CONF.bak"
  say "replacing $CONF (old one saved as $CONF.bak)"
fi

start_munge

NEW_CONF=$(write_conf)
if [[ -e $CONF ]] && [[ $(<"$CONF") == "$NEW_CONF" ]]; then
  CHANGED=0
else
  CHANGED=1
fi

if ((CHANGED == 0)) && cluster_up; then
  say "slurmctld and slurmd are already running and responding"
  summary
  exit 0
fi

install -d -m 0755 "$CONF_DIR" "$LOG_DIR"
install -d -m 0700 "$CTLD_SPOOL"
install -d -m 0755 "$SLURMD_SPOOL"
if ((CHANGED == 1)); then
  printf '%s\n' "$NEW_CONF" >"$CONF.tmp"
  chmod 0644 "$CONF.tmp"
  mv -f "$CONF.tmp" "$CONF"
fi

# (Re)start: a daemon that runs with another configuration or does not answer is restarted.
if ((CHANGED == 1)) || ! timeout 10 scontrol ping >/dev/null 2>&1; then
  stop_cluster
elif ! timeout 10 scontrol show slurmd >/dev/null 2>&1; then
  stop_daemon "$SLURMD_PID" slurmd
fi
pid_alive "$CTLD_PID" slurmctld || slurmctld || die "slurmctld did not start (see $LOG_DIR/slurmctld.log)"
pid_alive "$SLURMD_PID" slurmd || slurmd || die "slurmd did not start (see $LOG_DIR/slurmd.log)"

# ---------------------------------------------------------------- wait for the node
deadline=$((SECONDS + WAIT_SECONDS))
resumed=0
while :; do
  state=$(node_state)
  case $state in
    idle|mixed|allocated|completing) break ;;
    down|drained|draining|drain|down~|fail)
      if ((resumed == 0)); then
        scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
        resumed=1
      fi ;;
  esac
  if ((SECONDS >= deadline)); then
    pid_alive "$CTLD_PID" slurmctld || say "slurmctld is not running; last lines of $LOG_DIR/slurmctld.log:" >&2
    tail -n 15 "$LOG_DIR/slurmctld.log" >&2 2>/dev/null || true
    tail -n 15 "$LOG_DIR/slurmd.log" >&2 2>/dev/null || true
    die "node $HOST did not become idle within ${WAIT_SECONDS}s (state: ${state:-no answer from slurmctld})"
  fi
  sleep 0.5
done
summary
