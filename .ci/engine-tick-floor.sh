#!/usr/bin/env bash
# The floor under issue 5's tick figure: the changes one real tick made (the escalated
# cases' changed columns, their new events, their assessment facts; the schedule rows
# follow from the cases' trigger), applied as set-based SQL in one transaction by the
# sqlite3 shell to a copy of the database before that tick, page cache warm; then the
# same SQL with groups of indexes dropped beforehand (untimed), to show which dominate.
#
# usage: .ci/engine-tick-floor.sh BEFORE TICKED [WORKDIR]
#   BEFORE  the engine bench database before the tick, already opened once by this
#           build (so its migrations ran), e.g.
#             cp engine-base.sqlite before.sqlite && wangge --db before.sqlite check --quick
#   TICKED  a copy of BEFORE after `wangge bench-engine --dir DIR --only tick`
#   WORKDIR where the changes and the copies go (default: a new directory in /tmp; the
#           copies are as big as BEFORE and deleted after each run)
# Prints, per variant, wall and processor time of the shell (its start, the transaction,
# its commit and the checkpoint when it closes) and SQLite's per-statement timer.
set -euo pipefail
before=$(realpath "$1")
ticked=$(realpath "$2")
work=${3:-$(mktemp -d /tmp/tick-floor.XXXXXX)}
mkdir -p "$work"
changes="$work/changes.sqlite"
copy="$work/floor.sqlite"
sqlite3 "$before" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

# The tick's changes, in a small database of their own (not timed).
rm -f "$changes"
sqlite3 "$changes" <<SQL
ATTACH 'file:$ticked?mode=ro' AS t;
ATTACH 'file:$before?mode=ro' AS b;
CREATE TABLE events AS SELECT * FROM t.events WHERE seq > (SELECT MAX(seq) FROM b.events);
CREATE TABLE cases AS SELECT * FROM t.cases WHERE id IN (SELECT case_id FROM events);
CREATE TABLE facts AS SELECT * FROM t.assessment_facts WHERE case_id IN (SELECT id FROM cases)
  EXCEPT SELECT * FROM b.assessment_facts WHERE case_id IN (SELECT id FROM cases);
CREATE TABLE rollup AS SELECT * FROM t.assessment_rollup EXCEPT SELECT * FROM b.assessment_rollup;
CREATE TABLE other_cases AS SELECT id FROM (SELECT * FROM t.cases EXCEPT SELECT * FROM b.cases) WHERE id NOT IN (SELECT id FROM cases);
SQL

# The columns the tick changed in any escalated case, and in any facts row.
changed_columns() { # table key-join
    local cols=() c n
    for c in $(sqlite3 "$before" "SELECT name FROM pragma_table_info('$1')"); do
        n=$(sqlite3 "$changes" "ATTACH 'file:$before?mode=ro' AS b; SELECT COUNT(*) FROM $2 WHERE n.\"$c\" IS NOT o.\"$c\"")
        [ "$n" -gt 0 ] && cols+=("$c")
    done
    (IFS=,; echo "${cols[*]}")
}
case_cols=$(changed_columns cases "cases n JOIN b.cases o ON o.id = n.id")
fact_cols=$(changed_columns assessment_facts "facts n JOIN b.assessment_facts o ON o.reported_at = n.reported_at AND o.case_id = n.case_id")
echo "tick 的改动：$(sqlite3 "$changes" "SELECT (SELECT COUNT(*) FROM cases) || ' 件案件（改动列 $case_cols），' || (SELECT COUNT(*) FROM events) || ' 条事件，' || (SELECT COUNT(*) FROM facts) || ' 行考核事实（改动列 $fact_cols），' || (SELECT COUNT(*) FROM rollup) || ' 个汇总格；其他案件改动 ' || (SELECT COUNT(*) FROM other_cases) || ' 件'")"

set_list() { local out=() c; IFS=, read -ra cs <<<"$1"; for c in "${cs[@]}"; do out+=("\"$c\" = n.\"$c\""); done; (IFS=,; echo "${out[*]}"); }
apply="$work/apply.sql"
cat >"$apply" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
PRAGMA wal_autocheckpoint = 20000;
PRAGMA temp_store = MEMORY;
ATTACH 'file:$changes?mode=ro' AS ch;
.timer on
BEGIN;
UPDATE cases SET $(set_list "$case_cols") FROM ch.cases AS n WHERE n.id = cases.id;
INSERT INTO events SELECT * FROM ch.events;
UPDATE assessment_facts SET $(set_list "$fact_cols") FROM ch.facts AS n
  WHERE n.reported_at = assessment_facts.reported_at AND n.case_id = assessment_facts.case_id;
INSERT OR REPLACE INTO assessment_rollup SELECT * FROM ch.rollup;
COMMIT;
SQL

# Every index of a group (not those of UNIQUE / PRIMARY KEY constraints).
indexes() { sqlite3 "$before" "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND ($1) ORDER BY name"; }
run() { # label, SQL condition on sqlite_master choosing the indexes to drop first
    local label=$1 drop
    rm -f "$copy" "$copy-wal" "$copy-shm"
    cp "$before" "$copy"
    drop=$(indexes "$2" | tr '\n' ' ')
    if [ -n "$drop" ]; then
        { echo "BEGIN;"; for i in $drop; do echo "DROP INDEX \"$i\";"; done; echo "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);"; } | sqlite3 "$copy" >/dev/null
    fi
    cat "$copy" >/dev/null
    sync  # the copy's dirty pages written out, so the kernel does not throttle the timed writes
    local out
    out=$( { /usr/bin/time -f "TIME %e %U %S" sqlite3 -bail "$copy" <"$apply"; } 2>&1 )
    local check
    check=$(sqlite3 "$copy" "ATTACH 'file:$ticked?mode=ro' AS t; ATTACH 'file:$changes?mode=ro' AS ch;
      SELECT (SELECT COUNT(*) FROM (SELECT * FROM cases WHERE id IN (SELECT id FROM ch.cases) EXCEPT SELECT * FROM t.cases WHERE id IN (SELECT id FROM ch.cases)))
        + (SELECT COUNT(*) FROM (SELECT * FROM events WHERE case_id IN (SELECT id FROM ch.cases) EXCEPT SELECT * FROM t.events WHERE case_id IN (SELECT id FROM ch.cases)))
        + (SELECT COUNT(*) FROM (SELECT * FROM assessment_facts WHERE case_id IN (SELECT id FROM ch.cases) EXCEPT SELECT * FROM t.assessment_facts WHERE case_id IN (SELECT id FROM ch.cases)))
        + (SELECT COUNT(*) FROM (SELECT * FROM engine_schedule WHERE case_id IN (SELECT id FROM ch.cases) EXCEPT SELECT * FROM t.engine_schedule WHERE case_id IN (SELECT id FROM ch.cases)))")
    [ "$check" = 0 ] || { echo "$label: 结果与 tick 不同（$check 行）" >&2; exit 1; }
    read -r _ wall user sys <<<"$(grep '^TIME ' <<<"$out")"
    printf '%-40s %6.2f 秒（处理器 %.2f 秒）；删去的索引 %s 个：%s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
        "$(wc -w <<<"$drop")" "${drop:-无}"
    grep '^Run Time' <<<"$out" | awk '{ printf "    语句 %d：%s 秒（用户 %s，系统 %s）\n", NR, $4, $6, $8 }'
    rm -f "$copy" "$copy-wal" "$copy-shm"
}

due="tbl_name = 'cases' AND sql LIKE '%due_at%'"
cases_other="tbl_name = 'cases' AND sql NOT LIKE '%due_at%'"
run "全部索引" "0"
run "去掉含 due_at 的 cases 索引" "$due"
run "去掉 cases 其余的二级索引" "$cases_other"
run "去掉 cases 全部二级索引" "tbl_name = 'cases'"
run "去掉 events 的二级索引" "tbl_name = 'events'"
run "去掉 assessment_facts 的部分索引" "tbl_name = 'assessment_facts'"
run "去掉这三张表的全部二级索引" "tbl_name IN ('cases', 'events', 'assessment_facts')"
echo "（语句 1 BEGIN，2 UPDATE cases，3 INSERT events，4 UPDATE assessment_facts，5 汇总格，6 COMMIT；总时间另含 shell 关闭时的检查点）"
