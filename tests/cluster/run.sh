#!/bin/bash
# tests/cluster/run.sh (make check-cluster) - the example Snakemake workflow on a real SLURM cluster of one
# node: munged, slurmctld and slurmd from Debian's munge and slurm-wlm, all on localhost with their
# configuration, key, sockets, state and logs in a scratch directory, started here and stopped here by
# process id.  The workflow goes through workflows/snakemake/profiles/slurm unchanged (no account, no
# partition; this cluster keeps no accounting) with sbatch, and its cohort table must equal a local run's.
# Needs root (slurmd runs jobs as their user) and the binaries built (make all).  Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
TOP=$PWD
export PATH="$TOP:$PATH" LC_ALL=C SOURCE_DATE_EPOCH=1767225600 USER=${USER:-$(id -un)}
C=$(mktemp -d "${TMPDIR:-/tmp}/mcrc-cluster.XXXXXX"); chmod 755 "$C"
np=0; nf=0
ok() { np=$((np + 1)); echo "PASS $1"; }
ko() { nf=$((nf + 1)); echo "FAIL $1"; }
pids=()
stop() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2> /dev/null; done
    for p in "${pids[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$p" 2> /dev/null || break; sleep 0.1; done
        kill -9 "$p" 2> /dev/null
    done
    pids=()
}
finish() { stop; if [ "$nf" = 0 ]; then rm -rf "$C"; else echo "INFO outputs kept in $C"; fi; }
trap finish EXIT
start=$(date +%s)

for b in munged mungekey slurmctld slurmd sbatch scontrol snakemake; do
    command -v "$b" > /dev/null || { ko "cluster: $b is not installed (tools/install-deps.sh cluster installs it)"; echo "$np passed, $nf failed"; exit 1; }
done

# ---- munge: a key of our own and a socket in $C
mkdir -p "$C/munge"; chmod 700 "$C/munge"
mungekey --create --keyfile="$C/munge/munge.key" 2> "$C/munge/mungekey.log"
munged --foreground --force --socket="$C/munge/socket" --key-file="$C/munge/munge.key" --pid-file="$C/munge/pid" \
    --log-file="$C/munge/log" --seed-file="$C/munge/seed" > /dev/null 2>&1 &
pids+=($!)

# ---- slurm: ports of this run, everything else under $C
port=$((20000 + ($$ % 5000) * 2))
mkdir -p "$C/state" "$C/spool" "$C/log"
cat > "$C/slurm.conf" <<CONF
ClusterName=mcrctest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$C/munge/socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/log/slurmctld.log
SlurmdLogFile=$C/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=4096 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$C/slurm.conf
for _ in $(seq 1 50); do [ -S "$C/munge/socket" ] && break; sleep 0.1; done
slurmctld -D -f "$SLURM_CONF" > "$C/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N localhost > "$C/log/slurmd.out" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 1 60); do
    if sinfo -h -N -o '%N %t' 2> /dev/null | grep -Eq '^localhost (idle|mix|alloc)'; then up=1; break; fi
    sleep 0.5
done
if [ $up = 1 ]; then ok "cluster: munged, slurmctld and slurmd up, node localhost idle ($(($(date +%s) - start)) s)"
else ko "cluster: the node did not come up: $(sinfo -h -N 2>&1 | head -1); $(tail -2 "$C/log/slurmctld.log" 2>/dev/null)"; echo "$np passed, $nf failed"; exit 1; fi

# ---- one job by hand: sbatch runs it on the node
jid=$(sbatch --parsable -o "$C/hello.out" --wrap 'hostname; echo ran' 2> "$C/sbatch.err")
for _ in $(seq 1 60); do grep -q '^ran$' "$C/hello.out" 2> /dev/null && break; sleep 0.5; done
grep -q '^ran$' "$C/hello.out" 2> /dev/null && ok "cluster: sbatch job $jid ran" || ko "cluster: sbatch: $(head -1 "$C/sbatch.err")"

# ---- the example workflow: locally, then through the profile with sbatch
smk() { local d=$1; shift; mkdir -p "$C/$d" && (cd "$C/$d" && snakemake -s "$TOP/workflows/snakemake/Snakefile" \
            --config samples="$TOP/workflows/snakemake/samples.tsv" outdir="$C/$d/results" extra=--no-version "$@"); }
# (the local run goes on beside the cluster's, to stay well under three minutes)
smk local -j 1 > "$C/local.log" 2>&1 &
local_pid=$!
t0=$(date +%s)
smk slurm --profile "$TOP/workflows/snakemake/profiles/slurm" --max-status-checks-per-second 1 > "$C/slurm.log" 2>&1; rc=$?
wait "$local_pid" || ko "cluster: local run failed: $(tail -1 "$C/local.log")"
njobs=$(grep -c 'Job .* has been submitted with SLURM jobid' "$C/slurm.log")
[ $rc = 0 ] && [ "$njobs" -gt 0 ] && ok "cluster: the example workflow through profiles/slurm: $njobs sbatch jobs ($(($(date +%s) - t0)) s)" \
    || ko "cluster: snakemake --profile slurm: exit $rc, $njobs sbatch jobs: $(grep -m1 -i error "$C/slurm.log")"
grep -q 'sacctmgr' "$C/slurm.log" && ko "cluster: Snakemake called sacctmgr (an account in the profile?)" || ok "cluster: no account needed (sacctmgr never called)"
if [ -s "$C/local/results/cohort.tsv" ] && [ -s "$C/slurm/results/cohort.tsv" ] \
    && cmp -s <(cut -f 1-12 "$C/local/results/cohort.tsv") <(cut -f 1-12 "$C/slurm/results/cohort.tsv"); then
    ok "cluster: the cohort table equals the local run's ($(grep -vc '^#' "$C/slurm/results/cohort.tsv") lines)"
else ko "cluster: cohort tables differ or are missing"; diff <(cut -f 1-12 "$C/local/results/cohort.tsv" 2>&1) <(cut -f 1-12 "$C/slurm/results/cohort.tsv" 2>&1) | head -5; fi
stop
left=""
for f in slurmctld.pid slurmd.pid; do [ -f "$C/$f" ] && kill -0 "$(cat "$C/$f")" 2> /dev/null && left="$left $f"; done
[ -z "$left" ] && ok "cluster: daemons stopped ($(($(date +%s) - start)) s in all)" || ko "cluster: still running:$left"
echo "$np passed, $nf failed"
[ "$nf" = 0 ]
