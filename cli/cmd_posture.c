/* `berth posture --format text|json`: the posture pane's own scan run
 * once to its end and printed, like top -b -n 1; that is berth audit
 * (which runs the same scan) in the formats the pane can show.  Without
 * --format, the console on the posture pane. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "posture/report.h"

static int usage(void)
{
	fputs("usage: berth posture [NAME] | berth posture --format "
	      "text|json\n",
	      stderr);
	return 2;
}

int cli_cmd_posture(const struct cli_opts *o, int argc, char **argv)
{
	char *args[] = {"audit", "--format", NULL, NULL};
	enum audit_format fmt;
	int rc;

	if (argc < 2 || strncmp(argv[1], "--format", 8) != 0)
		return cli_cmd_pane(o, argc, argv);
	if (argc == 3 && strcmp(argv[1], "--format") == 0)
		args[2] = argv[2];
	else if (argc == 2 && strncmp(argv[1], "--format=", 9) == 0)
		args[2] = argv[1] + 9;
	else
		return usage();
	rc = audit_format_parse(args[2], &fmt);
	if (rc != 0 || fmt == AUDIT_SARIF)
		return usage();
	return cli_cmd_audit(o, 3, args);
}
