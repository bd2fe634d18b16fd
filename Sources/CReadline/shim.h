#ifndef CLAIMDESK_READLINE_SHIM_H
#define CLAIMDESK_READLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 strict concurrency rejects direct access to readline's mutable globals;
   these setters are the only way the Swift side touches them. */
static inline void cd_rl_set_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void cd_rl_set_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void cd_rl_set_basic_quote_characters(const char *chars) { rl_basic_quote_characters = chars; }
static inline void cd_rl_set_completer_quote_characters(const char *chars) { rl_completer_quote_characters = chars; }
static inline void cd_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline const char *cd_rl_line_buffer(void) { return rl_line_buffer; }
static inline int cd_rl_point(void) { return rl_point; }
static inline void cd_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline int cd_history_length(void) { return history_length; }
static inline void cd_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
/* Single-key mode: a key acts only while the line is empty. */
static inline int cd_rl_end(void) { return rl_end; }

/* Ctrl-C while editing: drop the line and show a fresh prompt (readline restores the terminal
   around the handler). Outside readline it only moves to a new line. The forced redisplay draws
   the whole prompt again, the keys legend above it included in single-key mode. */
static void cd_rl_on_sigint(int sig) {
    (void)sig;
    rl_crlf();
    rl_replace_line("", 0);
    rl_forced_update_display();
}
static inline void cd_rl_install_sigint_handler(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = cd_rl_on_sigint;
    sigaction(SIGINT, &action, NULL);
    /* A parent may have left SIGINT blocked; Ctrl-C must reach us. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}
#endif
