#include "model/contents_reader.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* What the thread is asked and what it answers, under mu. */
struct contents_reader {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int wake[2]; /* thread -> loop: a result is there */
	volatile int cancel;
	int quit, busy, finished;
	int done;	/* the thread has left its loop */
	int orphaned;	/* nobody joins: the thread frees r itself */
	char want[160]; /* submitted, not yet taken by the thread */
	char cur[160];	/* being read, or read */
	api_code rc;
	struct posture_image_contents ic;
	char why[256];
	/* the client's options and the strings they point at */
	struct api_client_opts opts;
	char *strs[7];
};

static void read_one(struct contents_reader *r, const char *id)
{
	struct posture_image_contents ic;
	struct api_client *c = NULL;
	struct api_error err = {0};
	api_code rc = api_client_new(&r->opts, &c, &err);

	if (rc == API_OK)
		rc = api_client_negotiate(c, &err);
	if (rc == API_OK)
		rc = posture_image_contents_read(c, id, &ic, &r->cancel, &err);
	api_client_free(c);
	pthread_mutex_lock(&r->mu);
	r->rc = rc;
	if (rc == API_OK)
		r->ic = ic;
	snprintf(r->why, sizeof(r->why), "%s", rc == API_OK ? "" : err.msg);
	r->finished = 1;
	pthread_mutex_unlock(&r->mu);
	if (write(r->wake[1], "x", 1) < 0) {
		/* full pipe: a wake-up is already pending */
	}
}

static void release(struct contents_reader *r);

static void *run(void *ud)
{
	struct contents_reader *r = ud;
	char id[160];

	pthread_mutex_lock(&r->mu);
	for (;;) {
		while (!r->quit && !r->want[0])
			pthread_cond_wait(&r->cv, &r->mu);
		if (r->quit)
			break;
		snprintf(id, sizeof(id), "%s", r->want);
		snprintf(r->cur, sizeof(r->cur), "%s", r->want);
		r->want[0] = '\0';
		pthread_mutex_unlock(&r->mu);
		read_one(r, id);
		pthread_mutex_lock(&r->mu);
	}
	r->done = 1;
	if (r->orphaned) {
		pthread_mutex_unlock(&r->mu);
		release(r);
		return NULL;
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

static int dup_opt(struct contents_reader *r, int i, const char **field)
{
	if (!*field)
		return 0;
	r->strs[i] = strdup(*field);
	*field = r->strs[i];
	return r->strs[i] ? 0 : -1;
}

int creader_new(const struct api_client_opts *opts,
		struct contents_reader **out)
{
	struct contents_reader *r = calloc(1, sizeof(*r));

	*out = NULL;
	if (!r)
		return -1;
	r->wake[0] = r->wake[1] = -1;
	r->opts = *opts;
	r->opts.multi = NULL; /* its own */
	if (dup_opt(r, 0, &r->opts.host) || dup_opt(r, 1, &r->opts.cert_path) ||
	    dup_opt(r, 2, &r->opts.tls_ca) ||
	    dup_opt(r, 3, &r->opts.tls_cert) ||
	    dup_opt(r, 4, &r->opts.tls_key) ||
	    dup_opt(r, 5, &r->opts.ssh_opts) || pipe(r->wake) != 0)
		goto fail;
	fcntl(r->wake[0], F_SETFL, O_NONBLOCK);
	fcntl(r->wake[1], F_SETFL, O_NONBLOCK);
	fcntl(r->wake[0], F_SETFD, FD_CLOEXEC);
	fcntl(r->wake[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv, NULL);
	if (pthread_create(&r->thread, NULL, run, r) != 0) {
		pthread_cond_destroy(&r->cv);
		pthread_mutex_destroy(&r->mu);
		goto fail;
	}
	*out = r;
	return 0;
fail:
	if (r->wake[0] >= 0) {
		close(r->wake[0]);
		close(r->wake[1]);
	}
	for (int i = 0; i < 7; i++)
		free(r->strs[i]);
	free(r);
	return -1;
}

int creader_fd(const struct contents_reader *r)
{
	return r->wake[0];
}

int creader_submit(struct contents_reader *r, const char *id)
{
	int rc = -1;

	pthread_mutex_lock(&r->mu);
	if (!r->busy) {
		snprintf(r->want, sizeof(r->want), "%s", id);
		r->busy = 1;
		r->finished = 0;
		r->cancel = 0;
		pthread_cond_signal(&r->cv);
		rc = 0;
	}
	pthread_mutex_unlock(&r->mu);
	return rc;
}

int creader_busy(const struct contents_reader *r)
{
	return r->busy;
}

int creader_take(struct contents_reader *r, char *id, size_t idlen,
		 api_code *rc, struct posture_image_contents *ic, char *why,
		 size_t whylen)
{
	char buf[64];
	int got = 0;

	while (read(r->wake[0], buf, sizeof(buf)) > 0)
		;
	pthread_mutex_lock(&r->mu);
	if (r->busy && r->finished) {
		snprintf(id, idlen, "%s", r->cur);
		*rc = r->rc;
		*ic = r->ic;
		memset(&r->ic, 0, sizeof(r->ic));
		snprintf(why, whylen, "%s", r->why);
		r->busy = r->finished = 0;
		got = 1;
	}
	pthread_mutex_unlock(&r->mu);
	return got;
}

static void release(struct contents_reader *r)
{
	int i;

	if (r->finished && r->rc == API_OK)
		posture_image_contents_free(&r->ic);
	pthread_cond_destroy(&r->cv);
	pthread_mutex_destroy(&r->mu);
	close(r->wake[0]);
	close(r->wake[1]);
	for (i = 0; i < 7; i++)
		free(r->strs[i]);
	free(r);
}

/* The read in progress stops at its next wait on the engine; one still
 * connecting (an engine that does not answer) is left to finish on its
 * own, so quitting never waits for it. */
#define JOIN_MS 300

void creader_free(struct contents_reader *r)
{
	struct timespec until;
	int joined;

	if (!r)
		return;
	pthread_mutex_lock(&r->mu);
	r->quit = 1;
	r->cancel = 1;
	pthread_cond_signal(&r->cv);
	pthread_mutex_unlock(&r->mu);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += JOIN_MS * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	joined = pthread_timedjoin_np(r->thread, NULL, &until) == 0;
	if (!joined) {
		pthread_mutex_lock(&r->mu);
		if (!r->done) {
			r->orphaned = 1;
			pthread_mutex_unlock(&r->mu);
			pthread_detach(r->thread);
			return;
		}
		pthread_mutex_unlock(&r->mu);
		pthread_join(r->thread, NULL);
	}
	release(r);
}
