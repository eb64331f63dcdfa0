#ifndef CINTERRUPT_H
#define CINTERRUPT_H

/* Ctrl-C as a flag, for the line editor and for every cancellable computation. */

/*
 * Installs a SIGINT handler without SA_RESTART that only sets a flag, so Ctrl-C
 * makes a blocked read() fail with EINTR (ending a line editor's read) and lets long
 * computations poll the flag to cancel. Idempotent.
 */
void interrupt_flag_install(void);

/* Returns 1 and clears the flag if SIGINT arrived since the last take, else 0. */
int interrupt_flag_take(void);

/* Returns 1 if SIGINT arrived since the last take, without clearing it. */
int interrupt_flag_pending(void);

#endif
