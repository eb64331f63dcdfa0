/* sigaction is POSIX, not ISO C. */
#define _POSIX_C_SOURCE 200809L

#include "CInterrupt.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupt_pending = 0;

static void interrupt_handler(int signal_number) {
    (void)signal_number;
    interrupt_pending = 1;
}

void interrupt_flag_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = interrupt_handler;
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a read() blocked at the prompt must fail with EINTR. */
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    /* A process started from a thread that blocks SIGINT (test runners, some job
       launchers) inherits the block; Ctrl-C would then never reach the handler. */
    sigset_t interrupt_only;
    sigemptyset(&interrupt_only);
    sigaddset(&interrupt_only, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt_only, NULL);
}

int interrupt_flag_take(void) {
    if (!interrupt_pending) {
        return 0;
    }
    interrupt_pending = 0;
    return 1;
}

int interrupt_flag_pending(void) {
    return interrupt_pending ? 1 : 0;
}
