#include "model/res_helpers.h"

#include <stdio.h>
#include <string.h>

void res_short_id(const char *id, char *buf, size_t n)
{
	const char *colon;
	size_t l;

	if (!buf || n == 0)
		return;
	buf[0] = '\0';
	if (!id)
		return;
	colon = strchr(id, ':');
	if (colon)
		id = colon + 1;
	l = strlen(id);
	if (l > 12)
		l = 12;
	if (l > n - 1)
		l = n - 1;
	memcpy(buf, id, l);
	buf[l] = '\0';
}

void res_join(char *buf, size_t n, size_t *len, const char *name)
{
	size_t l = *len;
	int w;

	if (!buf || n == 0)
		return;
	if (l >= n)
		l = n - 1;
	w = snprintf(buf + l, n - l, "%s%s", l ? ", " : "", name ? name : "");
	if (w > 0)
		l += (size_t)w < n - l ? (size_t)w : n - l - 1;
	*len = l;
}

int res_uses_image(const struct api_container_summary *s, const char *id)
{
	return s && id && s->image_id && strcmp(s->image_id, id) == 0;
}

int res_uses_volume(const struct api_container_summary *s, const char *vol)
{
	size_t i;

	if (!s || !vol)
		return 0;
	for (i = 0; i < s->n_mounts; i++) {
		const struct api_mount_point *m = &s->mounts[i];
		if (m->type && strcmp(m->type, "volume") == 0 && m->name &&
		    strcmp(m->name, vol) == 0)
			return 1;
	}
	return 0;
}

int res_on_network(const struct api_container_summary *s, const char *net)
{
	size_t i;

	if (!s || !net)
		return 0;
	for (i = 0; i < s->networks.n; i++)
		if (s->networks.v[i] && strcmp(s->networks.v[i], net) == 0)
			return 1;
	return 0;
}

const char *res_created_by(const char *s)
{
	static const char nop[] = "/bin/sh -c #(nop)";

	if (!s)
		return "";
	if (strncmp(s, nop, sizeof(nop) - 1) == 0)
		s += sizeof(nop) - 1;
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

int res_network_builtin(const char *name)
{
	return name &&
	       (strcmp(name, "host") == 0 || strcmp(name, "none") == 0 ||
		strcmp(name, "bridge") == 0);
}
