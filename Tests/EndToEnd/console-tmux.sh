#!/usr/bin/env bash
# End-to-end tests of the real console in tmux: open the demo, filter, dispatch a case and
# see it in the timeline; two sessions on one database see each other's dispatch without a
# key press; resizing (down to "terminal too small" and back); quitting (q and Ctrl-C)
# gives the shell back in a sane state. Every wait polls capture-pane against a deadline.
#
#   WANGGE_BIN=path/to/wangge Tests/EndToEnd/console-tmux.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${WANGGE_BIN:-$(swift build --show-bin-path 2>/dev/null)/wangge}
[ -x "$BIN" ] || { echo "wangge binary not found at $BIN (build first or set WANGGE_BIN)"; exit 1; }
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 1; }

export LANG=C.UTF-8 LC_ALL=C.UTF-8
NOW=2026-11-20T10:00
work=$(mktemp -d)
sock="wangge-e2e-$$"
db="$work/demo.sqlite"
# tmux's output goes nowhere: a tmux server started here would otherwise inherit (and
# hold open) whatever pipe this script's output is read through.
T() { tmux -L "$sock" "$@" 2>/dev/null </dev/null; }
cleanup() { tmux -L "$sock" kill-server >/dev/null 2>&1 </dev/null; rm -rf "$work"; }
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
not_ok() {
    failed=$((failed + 1)); echo "FAIL - $1"
    [ -n "${2:-}" ] && { echo "---- screen of $2:"; T capture-pane -p -t "$2" 2>/dev/null | sed 's/^/    /'; }
}

# wait_for SESSION TEXT [SECONDS]: true as soon as the pane shows TEXT.
wait_for() {
    local deadline=$((SECONDS + ${3:-10}))
    while [ $SECONDS -lt $deadline ]; do
        T capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2" && return 0
        sleep 0.05
    done
    return 1
}
# widths_fit SESSION COLUMNS: no line of the pane is wider than COLUMNS display columns.
widths_fit() {
    local widest
    widest=$(T capture-pane -p -t "$1" | wc -L)
    [ "$widest" -le "$2" ]
}
# The consoles of steps 1-8 do not run the engine (it would change cases under the
# test's feet); step 9 tests the engine in the console.
console() { echo "exec '$BIN' --db '$db' --now $NOW --no-engine"; }

"$BIN" demo --no-console --db "$db" --now $NOW >/dev/null 2>&1 || { echo "could not build the demo database"; exit 1; }
code_new=$("$BIN" --db "$db" --now $NOW case list --state reported --sort oldest --limit 2 --format csv | sed -n 2p | cut -d, -f1)
code_other=$("$BIN" --db "$db" --now $NOW case list --state reported --sort oldest --limit 2 --format csv | sed -n 3p | cut -d, -f1)

# 1. Open the demo.
T new-session -d -s a -x 100 -y 30 "$(console)" >/dev/null
if wait_for a "事件队列 共"; then ok "the demo opens on the queue"; else not_ok "the demo opens on the queue" a; fi
if widths_fit a 100; then ok "no line wider than the terminal (100)"; else not_ok "lines fit 100 columns" a; fi

# 2. Filter.
T send-keys -t a / ; T send-keys -t a -l "漏水"; T send-keys -t a Enter
if wait_for a "含“漏水”"; then ok "/ filters the queue"; else not_ok "/ filters the queue" a; fi
T send-keys -t a x

# 3. Dispatch a case through the form and see it in the timeline.
T send-keys -t a : ; T send-keys -t a -l "open $code_new"; T send-keys -t a Enter
if wait_for a "待受理"; then ok "the case screen opens ($code_new)"; else not_ok "the case screen opens" a; fi
T send-keys -t a d
if wait_for a "派遣 $code_new"; then ok "d opens the dispatch form"; else not_ok "dispatch form" a; fi
T send-keys -t a -l "城市管理"; sleep 0.2; T send-keys -t a Enter
if wait_for a "待接单" && wait_for a "派遣给 城市管理局"; then ok "dispatched; the timeline shows it"; else not_ok "dispatch shows in the timeline" a; fi
if "$BIN" --db "$db" --now $NOW case show "$code_new" | grep -q "派遣给 城市管理局"; then ok "the dispatch is in the store"; else not_ok "dispatch stored"; fi

# 4. Two sessions on one database: b watches a case, a dispatches it, b sees it unprompted.
T new-session -d -s b -x 100 -y 30 "$(console)" >/dev/null
wait_for b "事件队列 共" || not_ok "second console opens" b
T send-keys -t b : ; T send-keys -t b -l "open $code_other"; T send-keys -t b Enter
if wait_for b "待受理"; then ok "second console shows $code_other waiting"; else not_ok "second console opens the case" b; fi
T send-keys -t a : ; T send-keys -t a -l "dispatch $code_other 城市管理局"; T send-keys -t a Enter
if wait_for a "$code_other：立案、派遣"; then ok "first console dispatched $code_other"; else not_ok "command-line dispatch" a; fi
if wait_for b "待接单" 3; then ok "second console shows the dispatch within 3 s (polled every 200 ms), no key pressed"; else not_ok "live refresh across processes" b; fi

# 5. Resize: smaller, too small, and back.
T resize-window -t a -x 80 -y 24
if wait_for a "事件" && widths_fit a 80; then ok "resized to 80x24, nothing wider"; else not_ok "resize to 80x24" a; fi
T resize-window -t a -x 60 -y 20
if wait_for a "终端太小"; then ok "below 80x24 the console says the terminal is too small"; else not_ok "too small notice" a; fi
T resize-window -t a -x 200 -y 50
if wait_for a "时间线" && widths_fit a 200; then ok "back to 200x50, the case screen again"; else not_ok "resize back" a; fi

# 6. Quit (q, then Ctrl-C) restores the terminal: canonical mode, echo, cursor, main screen.
T new-session -d -s c -x 100 -y 30 "bash --norc --noprofile" >/dev/null
T send-keys -t c "PS1='sh\$ '" Enter
T send-keys -t c "'$BIN' --db '$db' --now $NOW --no-engine; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo" Enter
wait_for c "事件队列 共" || not_ok "console starts from a shell" c
T send-keys -t c q
if wait_for c "EXIT=0" && wait_for c "icanon echo"; then ok "q quits with the terminal restored (icanon echo)"; else not_ok "q restores the terminal" c; fi
T send-keys -t c "clear; '$BIN' --db '$db' --now $NOW --no-engine; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo" Enter
wait_for c "事件队列 共" || not_ok "console starts again" c
T send-keys -t c C-c
if wait_for c "EXIT=0" && wait_for c "icanon echo"; then ok "Ctrl-C quits with the terminal restored"; else not_ok "Ctrl-C restores the terminal" c; fi
if ! T capture-pane -p -t c | grep -qF "事件队列"; then ok "the shell's screen is back (alternate screen left)"; else not_ok "alternate screen left" c; fi

# 7. SIGTERM (and so SIGHUP, same path) restores the terminal too; no committed work is lost.
T send-keys -t c "clear; '$BIN' --db '$db' --now $NOW --no-engine & sleep 0.1; fg; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo" Enter
wait_for c "事件队列 共" || not_ok "console starts for the signal test" c
console_pid=$(pgrep -n -f -- "--db $db --now $NOW" || true)
[ -n "$console_pid" ] && kill -TERM "$console_pid"
if wait_for c "EXIT=143" && wait_for c "icanon echo"; then ok "SIGTERM exits 143 with the terminal restored"; else not_ok "SIGTERM restores the terminal" c; fi

# 8. Under a non-UTF-8 locale the console switches LC_CTYPE to UTF-8 itself and says so.
T new-session -d -s d -x 100 -y 30 -e LANG=C -e LC_ALL=C "exec '$BIN' --db '$db' --now $NOW --no-engine" >/dev/null
if wait_for d "事件队列 共" && wait_for d "C.UTF-8"; then ok "LANG=C: Chinese still shows and the status line says why"; else not_ok "non-UTF-8 locale" d; fi

# 9. A console with no engine process runs the engine itself: the demo escalates live,
# and a second console stands by while the first holds the lease.
engine_events() { "$BIN" --db "$db" --now $NOW log --limit 1000000 | grep -c "〔规则 " || true; }
escalated_before=$(engine_events)
T new-session -d -s e -x 120 -y 30 "exec '$BIN' --db '$db' --now $NOW" >/dev/null
if wait_for e "引擎●" && wait_for e "升级引擎："; then ok "the console runs the engine and says what it did"; else not_ok "console engine acts" e; fi
escalated_after=$(engine_events)
if [ "$escalated_after" -gt "$escalated_before" ]; then ok "its escalations are in the store ($escalated_before → $escalated_after events naming a rule)"; else not_ok "console engine wrote events"; fi
T new-session -d -s f -x 120 -y 30 "exec '$BIN' --db '$db' --now $NOW" >/dev/null
if wait_for f "引擎○"; then ok "a second console stands by while the first holds the lease"; else not_ok "second console stands by" f; fi
if "$BIN" --db "$db" --now $NOW check >/dev/null 2>&1; then ok "check passes after the console's engine ran"; else not_ok "check after console engine"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
