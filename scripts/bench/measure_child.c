/*
 * Runs one command and reports its wall time and peak resident memory, measured alone.
 *
 * Why a C program rather than wait4() from the Python benchmark: Linux keeps a process's peak
 * RSS across exec, and a child forked from the benchmark starts with the benchmark's own pages,
 * so its figure could never be below the benchmark's (hundreds of MB once a 100,000-row table is
 * loaded). Forked from this small program instead, the child starts from about 1 MB, as under
 * /usr/bin/time, which does the same but is not installed everywhere.
 *
 * usage: measure_child REPORT COMMAND [ARGUMENT...]
 *        writes "SECONDS PEAK_KB CPU_SECONDS" (wall, peak RSS, user + system time) to REPORT and exits with COMMAND's status (128 + signal if killed);
 *        standard input, output and error are COMMAND's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure_child REPORT COMMAND [ARGUMENT...]\n");
        return 64;
    }
    double started = now();
    pid_t child = fork();
    if (child < 0) {
        perror("measure_child: fork");
        return 70;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(child, &status, 0, &usage) < 0) {
        perror("measure_child: wait4");
        return 70;
    }
    double seconds = now() - started;
    FILE *report = fopen(argv[1], "w");
    double cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    if (!report || fprintf(report, "%.6f %ld %.6f\n", seconds, usage.ru_maxrss, cpu) < 0 || fclose(report) != 0) {
        perror(argv[1]);
        return 70;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
