"""Exit codes of every veille command, documented in the README (section "Exit codes")."""

OK = 0
#: the run completed but part of the input could not be used (a source unreadable, malformed lines)
PARTIAL = 1
#: bad command-line usage (click's own code)
USAGE = 2
#: the database could not be opened or written
DB_ERROR = 3
#: another run holds the lock on this database
LOCKED = 4
#: a name asked for (entity, table) is not in the database
NOT_FOUND = 5
#: the run was stopped by SIGTERM or SIGINT after the items in flight; the next run completes the work
INTERRUPTED = 6
