#ifndef CLAIMDESK_READLINE_SHIM_H
#define CLAIMDESK_READLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
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
#endif
