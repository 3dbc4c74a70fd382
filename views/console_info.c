/* What the console runs with, for --version and the completions: the
 * themes it can load and the libraries it is linked with. */
#include <archive.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <curses.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "views/console.h"

#define NAMES_MAX 128

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME of each NAME.theme in dir, added to names[*n]. */
static void scan(const char *dir, char **names, size_t *n)
{
	struct dirent *e;
	size_t len;
	DIR *d;

	if (!dir || (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL && *n < NAMES_MAX) {
		len = strlen(e->d_name);
		if (len > 6 && strcmp(e->d_name + len - 6, ".theme") == 0 &&
		    (names[*n] = strndup(e->d_name, len - 6)) != NULL)
			(*n)++;
	}
	closedir(d);
}

void console_theme_names(FILE *out)
{
	char share[1024], src[1024], user[1024];
	const char *dirs[4], *xdg = getenv("XDG_CONFIG_HOME"),
			     *home = getenv("HOME");
	char *names[NAMES_MAX];
	size_t n = 0, i;

	console_theme_dirs(share, src, dirs);
	user[0] = '\0';
	if (xdg && xdg[0] == '/')
		snprintf(user, sizeof(user), "%s/berth/themes", xdg);
	else if (home && home[0])
		snprintf(user, sizeof(user), "%s/.config/berth/themes", home);
	if ((names[n] = strdup("default")) != NULL)
		n++;
	scan(user[0] ? user : NULL, names, &n);
	for (i = 0; dirs[i]; i++)
		scan(dirs[i], names, &n);
	qsort(names, n, sizeof(names[0]), by_name);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
			fprintf(out, "%s\n", names[i]);
	for (i = 0; i < n; i++)
		free(names[i]);
}

void console_lib_versions(FILE *out)
{
	const curl_version_info_data *c = curl_version_info(CURLVERSION_NOW);

	fprintf(out, "libcurl %s%s%s\n", c->version, c->ssl_version ? ", " : "",
		c->ssl_version ? c->ssl_version : "");
	fprintf(out, "%s\n", curses_version());
	fprintf(out, "cJSON %s\n", cJSON_Version());
	fprintf(out, "%s\n", archive_version_string());
}
