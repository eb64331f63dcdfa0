#include "CLibEdit.h"
#include "CInterrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <locale.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CLIBEDIT_DEFAULT_HISTORY_SIZE 1000
#define CLIBEDIT_DEFAULT_COLUMNS 80
/* U+FFFD, what a byte that is not UTF-8 reaches the editor as. */
#define CLIBEDIT_REPLACEMENT ((wchar_t)0xFFFD)

struct clibedit_editor {
    EditLine *line;
    History *history;
    FILE *out;
    /* The terminal's descriptor, read a byte at a time by read_char_callback. */
    int in_fd;
    /* A byte read but not yet decoded (it cut a sequence short), or -1. */
    int pending;
    char *prompt;
    clibedit_completion_fn complete;
    void *complete_context;
};

static clibedit_editor *editor_of(EditLine *line) {
    clibedit_editor *editor = NULL;
    if (el_get(line, EL_CLIENTDATA, &editor) != 0) {
        return NULL;
    }
    return editor;
}

static char *prompt_callback(EditLine *line) {
    static char empty[] = "";
    clibedit_editor *editor = editor_of(line);
    if (editor == NULL || editor->prompt == NULL) {
        return empty;
    }
    return editor->prompt;
}

static unsigned char complete_callback(EditLine *line, int key) {
    (void)key;
    clibedit_editor *editor = editor_of(line);
    if (editor == NULL || editor->complete == NULL) {
        return CC_ERROR;
    }
    switch (editor->complete(editor, editor->complete_context)) {
    case CLIBEDIT_COMPLETION_REFRESH:
        return CC_REFRESH;
    case CLIBEDIT_COMPLETION_REDISPLAY:
        return CC_REDISPLAY;
    case CLIBEDIT_COMPLETION_ERROR:
    default:
        return CC_ERROR;
    }
}

/*
 * Reads one byte of the terminal's input for read_char_callback: the byte put back after
 * a broken sequence first. Ctrl-C ends the read as libedit's own reader does (errno
 * EINTR); any other signal (a resize, SIGCONT) was handled by libedit and the read goes on.
 */
static int read_byte(clibedit_editor *editor, unsigned char *byte) {
    if (editor->pending >= 0) {
        *byte = (unsigned char)editor->pending;
        editor->pending = -1;
        return 1;
    }
    for (;;) {
        ssize_t count = read(editor->in_fd, byte, 1);
        if (count == 1) {
            return 1;
        }
        if (count == 0) {
            return 0;
        }
        if (errno == EINTR && !interrupt_flag_pending()) {
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd ready = {editor->in_fd, POLLIN, 0};
            poll(&ready, 1, -1);
            continue;
        }
        return -1;
    }
}

/*
 * libedit's read-character hook: decodes UTF-8 here instead of in libedit, so that what
 * reaches the editor is always a character it can handle. Bytes that are not UTF-8 (a
 * paste of binary, a key sequence of another encoding) become U+FFFD: libedit's own
 * decoder passed some of them on, and Ctrl-R followed by fd 90 89 b6 a2 b6 made it abort
 * inside el_wgets in the statically linked release build, taking the session with it.
 * Returns 1 with a character, 0 at end of input, -1 on an error (errno says which).
 */
static int read_char_callback(EditLine *line, wchar_t *out) {
    clibedit_editor *editor = editor_of(line);
    unsigned char byte;
    *out = L'\0';
    int status = read_byte(editor, &byte);
    if (status != 1) {
        return status;
    }
    if (byte < 0x80) {
        *out = (wchar_t)byte;
        return 1;
    }
    int following;
    unsigned long value, least;
    if ((byte & 0xE0) == 0xC0) {
        following = 1, value = byte & 0x1F, least = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
        following = 2, value = byte & 0x0F, least = 0x800;
    } else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4) {
        following = 3, value = byte & 0x07, least = 0x10000;
    } else {
        *out = CLIBEDIT_REPLACEMENT;
        return 1;
    }
    for (int k = 0; k < following; k++) {
        status = read_byte(editor, &byte);
        if (status < 0) {
            return status;
        }
        if (status == 0 || (byte & 0xC0) != 0x80) {
            /* A sequence cut short: the byte that cut it starts the next character. */
            if (status == 1) {
                editor->pending = byte;
            }
            *out = CLIBEDIT_REPLACEMENT;
            return 1;
        }
        value = (value << 6) | (byte & 0x3F);
    }
    bool valid = value >= least && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
    *out = valid ? (wchar_t)value : CLIBEDIT_REPLACEMENT;
    return 1;
}

void clibedit_use_environment_ctype(void) {
    const char *name = setlocale(LC_CTYPE, "");
    /*
     * Swift strings are UTF-8 and terminals almost always are, whereas the
     * plain C locale (no LANG, as in many containers) would make libedit drop
     * every non-ASCII byte.
     */
    if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
            setlocale(LC_CTYPE, "UTF-8");
        }
    }
}

FILE *clibedit_standard_input(void) { return stdin; }
FILE *clibedit_terminal_output(void) {
    static FILE *terminal = NULL;
    if (isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
        return stdout;
    }
    /*
     * `sharesim repl | tee log`: the person types at a terminal whose output is a
     * pipe. The prompt and the line being edited belong on the terminal, not in the
     * pipe, where libedit would also turn editing off.
     */
    if (terminal == NULL) {
        int fd = open("/dev/tty", O_WRONLY | O_CLOEXEC);
        terminal = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (terminal == NULL) {
            if (fd >= 0) {
                close(fd);
            }
            return stdout;
        }
    }
    return terminal;
}
FILE *clibedit_standard_error(void) { return stderr; }

clibedit_editor *clibedit_create(const char *program_name, FILE *in, FILE *out, FILE *err) {
    clibedit_editor *editor = calloc(1, sizeof *editor);
    if (editor == NULL) {
        return NULL;
    }
    editor->out = out;
    editor->in_fd = fileno(in);
    editor->pending = -1;
    editor->line = el_init(program_name, in, out, err);
    editor->history = history_init();
    if (editor->line == NULL || editor->history == NULL) {
        clibedit_destroy(editor);
        return NULL;
    }
    HistEvent event;
    history(editor->history, &event, H_SETSIZE, CLIBEDIT_DEFAULT_HISTORY_SIZE);
    history(editor->history, &event, H_SETUNIQUE, 1);

    el_set(editor->line, EL_CLIENTDATA, editor);
    el_set(editor->line, EL_EDITOR, "emacs");
    /*
     * While a line is being read, let libedit restore the terminal before
     * SIGTSTP/SIGTERM/SIGHUP take effect and redraw after SIGCONT/SIGWINCH.
     * It then passes each signal on to the previous handler, so SIGINT still
     * reaches the flag in CInterrupt.
     */
    el_set(editor->line, EL_SIGNAL, 1);
    el_set(editor->line, EL_PROMPT, prompt_callback);
    el_set(editor->line, EL_GETCFN, read_char_callback);
    el_set(editor->line, EL_HIST, history, editor->history);
    el_set(editor->line, EL_ADDFN, "clibedit-complete", "Complete the word before the cursor", complete_callback);
    el_set(editor->line, EL_BIND, "^I", "clibedit-complete", NULL);
    return editor;
}

void clibedit_destroy(clibedit_editor *editor) {
    if (editor == NULL) {
        return;
    }
    if (editor->line != NULL) {
        el_end(editor->line);
    }
    if (editor->history != NULL) {
        history_end(editor->history);
    }
    free(editor->prompt);
    free(editor);
}

int clibedit_set_prompt(clibedit_editor *editor, const char *prompt) {
    size_t size = strlen(prompt) + 1;
    char *copy = malloc(size);
    if (copy == NULL) {
        return -1;
    }
    memcpy(copy, prompt, size);
    free(editor->prompt);
    editor->prompt = copy;
    return 0;
}

void clibedit_set_completion(clibedit_editor *editor, clibedit_completion_fn function, void *context) {
    editor->complete = function;
    editor->complete_context = context;
}

const char *clibedit_gets(clibedit_editor *editor, int *count) {
    /*
     * el_gets draws the prompt before it puts the terminal into its editing
     * mode, so a key pressed just as the prompt appears would meet the
     * terminal's own line discipline: Ctrl-D there becomes an empty "end of
     * file" that reaches the editor as a NUL byte and is lost. Switching first
     * means every key typed after the prompt is seen reads as the editor's.
     */
    el_set(editor->line, EL_PREP_TERM, 1);
    return el_gets(editor->line, count);
}

void clibedit_line(clibedit_editor *editor, const char **bytes, size_t *length, size_t *cursor) {
    const LineInfo *info = el_line(editor->line);
    if (info == NULL || info->buffer == NULL) {
        *bytes = "";
        *length = 0;
        *cursor = 0;
        return;
    }
    *bytes = info->buffer;
    *length = (size_t)(info->lastchar - info->buffer);
    *cursor = (size_t)(info->cursor - info->buffer);
}

int clibedit_insert(clibedit_editor *editor, const char *text) {
    return el_insertstr(editor->line, text);
}

void clibedit_delete(clibedit_editor *editor, int count) {
    el_deletestr(editor->line, count);
}

int clibedit_terminal_columns(clibedit_editor *editor) {
    int columns = 0;
    if (el_get(editor->line, EL_GETTC, "co", &columns) != 0 || columns <= 0) {
        return CLIBEDIT_DEFAULT_COLUMNS;
    }
    return columns;
}

void clibedit_write(clibedit_editor *editor, const char *text) {
    fputs(text, editor->out);
    fflush(editor->out);
}

int clibedit_history_enter(clibedit_editor *editor, const char *line) {
    HistEvent event;
    return history(editor->history, &event, H_ENTER, line) < 0 ? -1 : 0;
}

int clibedit_history_set_size(clibedit_editor *editor, int size) {
    HistEvent event;
    return history(editor->history, &event, H_SETSIZE, size) < 0 ? -1 : 0;
}
