#ifndef BERTH_API_IMAGE_EXPORT_H
#define BERTH_API_IMAGE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "api/client.h"
#include "api/error.h"

/*
 * An image's contents read through the engine's export (GET
 * /images/{name}/get, what docker save writes), streamed: curl's bytes
 * go through libarchive as they come, the outer tar and each layer's
 * tar inside it, so memory stays at a few chunks whatever the image's
 * size.  Both layouts are read: the classic one ("<id>/layer.tar",
 * "manifest.json") and the OCI one ("blobs/sha256/<hex>", compressed or
 * not).  The caller sees every entry of every layer in the order the
 * export holds them and decides what it keeps; the layers' order comes
 * with manifest.json, which the engine writes last.
 */

enum api_tar_type {
	API_TAR_FILE,
	API_TAR_DIR,
	API_TAR_SYMLINK,
	API_TAR_HARDLINK,
	API_TAR_OTHER /* devices, fifos */
};

struct api_tar_entry {
	const char *path; /* "etc/passwd": no "./", no leading or trailing
			   * '/'; "" is the layer's root */
	const char *link; /* a link's target, else NULL */
	int64_t size;
	unsigned mode; /* the permission bits, setuid/setgid/sticky too */
	enum api_tar_type type;
	long uid, gid;
};

struct api_export_visitor {
	/* A layer's tar begins; key names it in the export
	 * ("<id>/layer.tar", "blobs/sha256/<hex>").  Non-zero stops. */
	int (*layer)(void *ud, const char *key);
	/* An entry of the layer begun last: how many bytes of its body to
	 * hand to body (0 for none), or -1 to stop. */
	int64_t (*entry)(void *ud, const struct api_tar_entry *e);
	/* The body asked for, whole, once (at most what entry asked). */
	int (*body)(void *ud, const struct api_tar_entry *e, const char *data,
		    size_t len);
	/* A file of the export beside the layers (manifest.json, an image
	 * config, an OCI index), when it is at most API_EXPORT_META_MAX. */
	int (*meta)(void *ud, const char *name, const char *data, size_t len);
	void *ud;
	/* set (by a signal handler, a deadline): the walk stops with
	 * API_E_CANCELLED */
	const volatile int *cancel;
};

#define API_EXPORT_META_MAX (4u * 1024u * 1024u)
#define API_EXPORT_BODY_MAX (64u * 1024u * 1024u)

/* Blocking: drives c's multi until the export is read or the visitor
 * stops it (API_E_CANCELLED).  A tar that cannot be read is
 * API_E_PARSE with libarchive's word in err; the engine's own errors
 * (404: no such image) come as its answer says. */
api_code api_image_export_walk(struct api_client *c, const char *name,
			       const struct api_export_visitor *v,
			       struct api_error *err);

/* The same walk over an export already in memory (tests, fuzzing). */
api_code api_export_walk_memory(const void *buf, size_t len,
				const struct api_export_visitor *v,
				struct api_error *err);

#endif
