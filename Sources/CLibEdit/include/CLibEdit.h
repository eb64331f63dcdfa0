#ifndef CLIBEDIT_H
#define CLIBEDIT_H

/*
 * libedit's el_set/el_get/history are C variadic functions, which Swift cannot
 * call. Each operation LineEditor needs is wrapped here in a plain function, and
 * libedit's own types stay out of this header so Swift never sees a variadic.
 * Callbacks are stored per editor and installed through setters because Swift 6
 * rejects writing mutable C globals.
 */

#include <stddef.h>
#include <stdio.h>

/* One line editor: a libedit EditLine, its History, prompt and Tab callback. */
typedef struct clibedit_editor clibedit_editor;

/* What the terminal needs after a completion callback has edited the line. */
typedef enum {
    /* Nothing could be completed: libedit rings the bell. */
    CLIBEDIT_COMPLETION_ERROR = 0,
    /* The line changed in place: redraw it. */
    CLIBEDIT_COMPLETION_REFRESH = 1,
    /* Text was printed below the line: redraw prompt and line from scratch. */
    CLIBEDIT_COMPLETION_REDISPLAY = 2,
} clibedit_completion_status;

/* Called on Tab with the context given to clibedit_set_completion. */
typedef clibedit_completion_status (*clibedit_completion_fn)(clibedit_editor *editor, void *context);

/*
 * Adopt the user's LC_CTYPE so libedit decodes UTF-8 keystrokes as characters
 * rather than bytes, falling back to C.UTF-8 when that is the plain C locale.
 * Affects the whole process (LC_CTYPE only).
 */
void clibedit_use_environment_ctype(void);

/* The C standard streams, which Swift 6 cannot read as (mutable) globals, and the terminal. */
FILE *clibedit_standard_input(void);
/* Standard output, or the controlling terminal when standard input is a terminal and
 * standard output is not (`sharesim repl | tee log`): where the prompt and the edited
 * line are drawn. */
FILE *clibedit_terminal_output(void);
FILE *clibedit_standard_error(void);

/*
 * An emacs-mode editor with an empty history that ignores consecutive
 * duplicates. Returns NULL when libedit cannot be set up.
 */
clibedit_editor *clibedit_create(const char *program_name, FILE *in, FILE *out, FILE *err);
void clibedit_destroy(clibedit_editor *editor);

/* Copies the prompt; returns 0, or -1 when out of memory (the old prompt stays). */
int clibedit_set_prompt(clibedit_editor *editor, const char *prompt);

/* Binds Tab to `function`; a NULL function makes Tab ring the bell. */
void clibedit_set_completion(clibedit_editor *editor, clibedit_completion_fn function, void *context);

/*
 * Reads one edited line, including its newline, in the editor's buffer (valid
 * until the next call). NULL means no line: `count` is then 0 for Ctrl-D on an
 * empty line, or -1 when the read ended early, with errno EINTR if a signal
 * (Ctrl-C) interrupted it.
 */
const char *clibedit_gets(clibedit_editor *editor, int *count);

/* The line being edited as UTF-8 bytes, with the cursor as a byte offset. */
void clibedit_line(clibedit_editor *editor, const char **bytes, size_t *length, size_t *cursor);

/* Inserts at the cursor; returns 0, or -1 when the line would grow too long. */
int clibedit_insert(clibedit_editor *editor, const char *text);

/* Deletes `count` characters (Unicode scalars) before the cursor. */
void clibedit_delete(clibedit_editor *editor, int count);

/* The terminal width in columns, or 80 when libedit does not know it. */
int clibedit_terminal_columns(clibedit_editor *editor);

/* Writes straight to the editor's output stream and flushes it. */
void clibedit_write(clibedit_editor *editor, const char *text);

/* Appends a line to the in-memory history that the up arrow walks. */
int clibedit_history_enter(clibedit_editor *editor, const char *line);

/* Caps the in-memory history; returns 0, or -1 on failure. */
int clibedit_history_set_size(clibedit_editor *editor, int size);

#endif
