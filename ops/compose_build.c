#include "ops/compose_build.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* libyaml's document API resolves aliases into node references, which is
 * all a build section needs. */

static yaml_node_t *map_get(yaml_document_t *d, yaml_node_t *map,
			    const char *key)
{
	yaml_node_pair_t *p;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    k->data.scalar.length == strlen(key) &&
		    memcmp(k->data.scalar.value, key, strlen(key)) == 0)
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

/* A copy of a scalar's text; 1 when n is not a scalar (left alone). */
static int scalar_dup(yaml_node_t *n, char **out)
{
	char *s;

	if (!n || n->type != YAML_SCALAR_NODE)
		return 1;
	s = strndup((const char *)n->data.scalar.value, n->data.scalar.length);
	if (!s)
		return -1;
	free(*out);
	*out = s;
	return 0;
}

static int kv_set(struct api_kvlist *l, const char *k, size_t kl, const char *v,
		  size_t vl)
{
	size_t i;
	char *key = strndup(k, kl), *val = strndup(v, vl);
	struct api_kv *ni;

	if (!key || !val)
		goto nomem;
	for (i = 0; i < l->n; i++) {
		if (strcmp(l->items[i].key, key) == 0) {
			free(key);
			free(l->items[i].value);
			l->items[i].value = val;
			return 0;
		}
	}
	ni = realloc(l->items, (l->n + 1) * sizeof(*ni));
	if (!ni)
		goto nomem;
	l->items = ni;
	ni[l->n].key = key;
	ni[l->n].value = val;
	l->n++;
	return 0;
nomem:
	free(key);
	free(val);
	return -1;
}

/* args: {K: V} (a null V is an empty string) or ["K=V", ...]; a bare
 * "K" would come from the environment, which a rebuild does not have. */
static int read_args(yaml_document_t *d, yaml_node_t *n, struct api_kvlist *l)
{
	int rc = 0;

	if (n && n->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;
		for (p = n->data.mapping.pairs.start;
		     rc == 0 && p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(d, p->key);
			yaml_node_t *v = yaml_document_get_node(d, p->value);
			int null =
				!v || v->type != YAML_SCALAR_NODE ||
				(v->data.scalar.style ==
					 YAML_PLAIN_SCALAR_STYLE &&
				 v->data.scalar.length == 4 &&
				 memcmp(v->data.scalar.value, "null", 4) == 0);
			if (!k || k->type != YAML_SCALAR_NODE)
				continue;
			rc = kv_set(l, (const char *)k->data.scalar.value,
				    k->data.scalar.length,
				    null ? ""
					 : (const char *)v->data.scalar.value,
				    null ? 0 : v->data.scalar.length);
		}
	} else if (n && n->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it;
		for (it = n->data.sequence.items.start;
		     rc == 0 && it < n->data.sequence.items.top; it++) {
			yaml_node_t *e = yaml_document_get_node(d, *it);
			const char *s, *eq;
			if (!e || e->type != YAML_SCALAR_NODE)
				continue;
			s = (const char *)e->data.scalar.value;
			eq = memchr(s, '=', e->data.scalar.length);
			if (eq && eq > s)
				rc = kv_set(l, s, (size_t)(eq - s), eq + 1,
					    e->data.scalar.length -
						    (size_t)(eq - s) - 1);
		}
	}
	return rc;
}

static int read_build(yaml_document_t *d, yaml_node_t *b,
		      struct compose_build *out)
{
	int rc = 0;

	out->found = 1;
	if (b->type == YAML_SCALAR_NODE)
		return scalar_dup(b, &out->context) < 0 ? -1 : 0;
	rc |= scalar_dup(map_get(d, b, "context"), &out->context) < 0;
	rc |= scalar_dup(map_get(d, b, "dockerfile"), &out->dockerfile) < 0;
	rc |= scalar_dup(map_get(d, b, "target"), &out->target) < 0;
	rc |= read_args(d, map_get(d, b, "args"), &out->args) != 0;
	return rc ? -1 : 0;
}

api_code compose_build_parse(const char *yaml, size_t len, const char *service,
			     struct compose_build *out, struct api_error *err)
{
	yaml_parser_t p;
	yaml_document_t d;
	yaml_node_t *root, *b;
	int rc = 0;

	if (!yaml_parser_initialize(&p))
		return api_nomem(err);
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&p, &d)) {
		api_error_set(err, API_E_PARSE, 0,
			      "compose file: %s at line %lu",
			      p.problem ? p.problem : "cannot parse",
			      (unsigned long)p.problem_mark.line + 1);
		yaml_parser_delete(&p);
		return API_E_PARSE;
	}
	root = yaml_document_get_root_node(&d);
	b = map_get(&d, map_get(&d, map_get(&d, root, "services"), service),
		    "build");
	if (b)
		rc = read_build(&d, b, out);
	yaml_document_delete(&d);
	yaml_parser_delete(&p);
	return rc ? api_nomem(err) : API_OK;
}

void compose_build_free(struct compose_build *b)
{
	free(b->context);
	free(b->dockerfile);
	free(b->target);
	api_kvlist_free(&b->args);
	memset(b, 0, sizeof(*b));
}
