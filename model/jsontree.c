#include "model/jsontree.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/json.h"

/* Numbers as the shortest text that reads back the same, like cJSON
 * prints them; infinities (from 1e999) are spelt as JSON cannot. */
static int number_text(double d, char *buf, size_t n)
{
	int len;

	if (isnan(d))
		return snprintf(buf, n, "NaN");
	if (isinf(d))
		return snprintf(buf, n, d < 0 ? "-Infinity" : "Infinity");
	if (d == floor(d) && fabs(d) < 1e15)
		return snprintf(buf, n, "%.0f", d);
	len = snprintf(buf, n, "%.15g", d);
	if (strtod(buf, NULL) != d)
		len = snprintf(buf, n, "%.17g", d);
	return len;
}

static int is_container_item(const cJSON *item)
{
	return cJSON_IsArray(item) || cJSON_IsObject(item);
}

/* First pass: how many nodes and text bytes the document needs, so
 * each goes into one allocation. */
static void measure(const cJSON *item, int member, size_t *nodes, size_t *bytes)
{
	const cJSON *c;
	char num[64];

	(*nodes)++;
	if (member && item->string)
		*bytes += strlen(item->string) + 1;
	if (cJSON_IsString(item) && item->valuestring)
		*bytes += strlen(item->valuestring) + 3;
	else if (cJSON_IsNumber(item))
		*bytes += (size_t)number_text(item->valuedouble, num,
					      sizeof(num)) +
			  1;
	if (!is_container_item(item))
		return;
	for (c = item->child; c; c = c->next)
		measure(c, cJSON_IsObject(item), nodes, bytes);
}

struct filler {
	struct jsontree *t;
	size_t next;
	char *tp;
};

static const char *put(struct filler *f, const char *pre, const char *s,
		       size_t len, const char *post)
{
	char *start = f->tp;
	size_t lp = strlen(pre), lq = strlen(post);

	memcpy(f->tp, pre, lp);
	memcpy(f->tp + lp, s, len);
	memcpy(f->tp + lp + len, post, lq);
	f->tp += lp + len + lq;
	*f->tp++ = '\0';
	return start;
}

static void scalar_value(struct filler *f, struct jt_node *n, const cJSON *item)
{
	char num[64];
	int len;

	if (cJSON_IsString(item) && item->valuestring) {
		n->kind = JT_STRING;
		n->value = put(f, "\"", item->valuestring,
			       strlen(item->valuestring), "\"");
	} else if (cJSON_IsNumber(item)) {
		n->kind = JT_NUMBER;
		len = number_text(item->valuedouble, num, sizeof(num));
		n->value = put(f, "", num, (size_t)len, "");
	} else if (cJSON_IsBool(item)) {
		n->kind = JT_BOOL;
		n->value = cJSON_IsTrue(item) ? "true" : "false";
	} else {
		n->kind = JT_NULL;
		n->value = "null";
	}
}

static void fill(struct filler *f, const cJSON *item, size_t parent, int depth,
		 long index)
{
	size_t me = f->next++;
	struct jt_node *n = &f->t->nodes[me];
	const cJSON *c;
	long i = 0;

	n->parent = parent;
	n->depth = depth;
	n->index = index;
	if (parent != JT_NONE && index < 0 && item->string)
		n->key = put(f, "", item->string, strlen(item->string), "");
	if (!is_container_item(item)) {
		scalar_value(f, n, item);
		return;
	}
	n->kind = cJSON_IsArray(item) ? JT_ARRAY : JT_OBJECT;
	for (c = item->child; c; c = c->next) {
		fill(f, c, me, depth + 1, n->kind == JT_ARRAY ? i++ : -1);
		n->children++;
	}
	n->subtree = f->next - me - 1;
	n->folded = depth >= JT_OPEN_DEPTH;
}

int jt_is_container(const struct jt_node *n)
{
	return n->kind == JT_ARRAY || n->kind == JT_OBJECT;
}

static void relayout(struct jsontree *t)
{
	size_t i = 0, k = 0;

	if (t->n && jt_is_container(&t->nodes[0]))
		i = 1;
	while (i < t->n) {
		const struct jt_node *n = &t->nodes[i];
		t->lines[k++] = i;
		i += (jt_is_container(n) && n->folded) ? n->subtree + 1 : 1;
	}
	t->nlines = k;
}

api_code jt_parse(const char *json, size_t len, struct jsontree *out,
		  struct api_error *err)
{
	cJSON *root = NULL;
	size_t nodes = 0, bytes = 0;
	struct filler f;
	api_code rc;

	memset(out, 0, sizeof(*out));
	rc = json_parse(json, len, "the inspect document", &root, err);
	if (rc != API_OK)
		return rc;
	measure(root, 0, &nodes, &bytes);
	out->nodes = calloc(nodes, sizeof(*out->nodes));
	out->lines = calloc(nodes, sizeof(*out->lines));
	out->text = malloc(bytes + 1);
	if (!out->nodes || !out->lines || !out->text) {
		cJSON_Delete(root);
		jt_free(out);
		return api_error_set(err, API_E_NOMEM, 0, "out of memory");
	}
	out->n = nodes;
	f.t = out;
	f.next = 0;
	f.tp = out->text;
	fill(&f, root, JT_NONE, 0, -1);
	cJSON_Delete(root);
	relayout(out);
	return API_OK;
}

void jt_free(struct jsontree *t)
{
	free(t->nodes);
	free(t->lines);
	free(t->text);
	memset(t, 0, sizeof(*t));
}

size_t jt_lines(const struct jsontree *t)
{
	return t->nlines;
}

size_t jt_line_node(const struct jsontree *t, size_t line)
{
	return line < t->nlines ? t->lines[line] : JT_NONE;
}

size_t jt_node_line(const struct jsontree *t, size_t node)
{
	size_t lo = 0, hi = t->nlines;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid] == node)
			return mid;
		if (t->lines[mid] < node)
			lo = mid + 1;
		else
			hi = mid;
	}
	return JT_NONE;
}

static int set_folded(struct jsontree *t, size_t node, int folded)
{
	struct jt_node *n;

	/* A container root is never shown, so it stays open. */
	if (node >= t->n || node == 0)
		return 0;
	n = &t->nodes[node];
	if (!jt_is_container(n) || n->folded == folded)
		return 0;
	n->folded = folded;
	relayout(t);
	return 1;
}

int jt_fold(struct jsontree *t, size_t node)
{
	return set_folded(t, node, 1);
}

int jt_unfold(struct jsontree *t, size_t node)
{
	return set_folded(t, node, 0);
}

int jt_toggle(struct jsontree *t, size_t node)
{
	if (node >= t->n)
		return 0;
	return set_folded(t, node, !t->nodes[node].folded);
}

void jt_copy_folds(const struct jsontree *from, struct jsontree *to)
{
	size_t i;

	if (from->n != to->n)
		return;
	for (i = 0; i < to->n; i++)
		if (from->nodes[i].kind != to->nodes[i].kind)
			return;
	for (i = 1; i < to->n; i++)
		to->nodes[i].folded = from->nodes[i].folded;
	relayout(to);
}

int jt_reveal(struct jsontree *t, size_t node)
{
	int changed = 0;
	size_t p;

	if (node >= t->n)
		return 0;
	for (p = t->nodes[node].parent; p != JT_NONE && p < t->n;
	     p = t->nodes[p].parent) {
		if (p != 0 && t->nodes[p].folded) {
			t->nodes[p].folded = 0;
			changed = 1;
		}
	}
	if (changed)
		relayout(t);
	return changed;
}

static int contains(const char *hay, const char *needle)
{
	size_t i, m = strlen(needle);

	if (!hay)
		return 0;
	for (; *hay; hay++) {
		for (i = 0; i < m && hay[i]; i++)
			if (tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == m)
			return 1;
	}
	return 0;
}

size_t jt_search(struct jsontree *t, const char *needle)
{
	size_t i;
	int on = needle && needle[0];

	t->nmatches = 0;
	for (i = 0; i < t->n; i++) {
		struct jt_node *n = &t->nodes[i];
		n->match = on && (contains(n->key, needle) ||
				  contains(n->value, needle));
		t->nmatches += (size_t)n->match;
	}
	return t->nmatches;
}

size_t jt_find(const struct jsontree *t, size_t start, int dir)
{
	size_t k, i;

	if (!t->n || !t->nmatches)
		return JT_NONE;
	if (start >= t->n)
		start = dir < 0 ? t->n - 1 : 0;
	for (k = 0; k < t->n; k++) {
		if (dir < 0)
			i = (start + t->n - k) % t->n;
		else
			i = (start + k) % t->n;
		if (t->nodes[i].match)
			return i;
	}
	return JT_NONE;
}

size_t jt_match_lines(const struct jsontree *t, size_t *out, size_t max)
{
	size_t i, k = 0;

	for (i = 0; i < t->nlines; i++) {
		if (!t->nodes[t->lines[i]].match)
			continue;
		if (k < max)
			out[k] = i;
		k++;
	}
	return k;
}

size_t jt_match_rank(const struct jsontree *t, size_t node)
{
	size_t i, k = 0;

	if (node >= t->n || !t->nodes[node].match)
		return 0;
	for (i = 0; i <= node; i++)
		k += (size_t)t->nodes[i].match;
	return k;
}

void jt_summary(const struct jt_node *n, int utf8, char *buf, size_t len)
{
	int obj = n->kind == JT_OBJECT;
	const char *what = obj ? "key" : "item";
	const char *plural = n->children == 1 ? "" : "s";

	if (!len)
		return;
	if (!jt_is_container(n))
		buf[0] = '\0';
	else if (n->folded)
		snprintf(buf, len, "%s%s%s %zu %s%s", obj ? "{" : "[",
			 utf8 ? "\xe2\x80\xa6" : "...", obj ? "}" : "]",
			 n->children, what, plural);
	else
		snprintf(buf, len, "%s %zu %s%s", obj ? "{" : "[", n->children,
			 what, plural);
}

void jt_top_string(const struct jsontree *t, const char *key, char *buf,
		   size_t len)
{
	size_t i, vl;

	if (!len)
		return;
	buf[0] = '\0';
	if (!t->n || t->nodes[0].kind != JT_OBJECT)
		return;
	for (i = 1; i < t->n; i += t->nodes[i].subtree + 1) {
		const struct jt_node *n = &t->nodes[i];
		if (n->kind != JT_STRING || !n->key || strcmp(n->key, key))
			continue;
		vl = strlen(n->value);
		snprintf(buf, len, "%.*s", (int)(vl - 2), n->value + 1);
		return;
	}
}
