#include "posture/hostfacts_collect.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "posture/hostfacts_fs.h"

static char *dup_n(const char *s, int *nomem)
{
	char *d = s ? strdup(s) : NULL;

	if (s && !d)
		*nomem = 1;
	return d;
}

static long peer_pid(const char *sock)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct ucred cr = {0};
	socklen_t sl = sizeof(cr);
	long pid = 0;
	int fd;

	if (strlen(sock) >= sizeof(sa.sun_path))
		return 0;
	memcpy(sa.sun_path, sock, strlen(sock) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
	    getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &sl) == 0)
		pid = (long)cr.pid;
	close(fd);
	return pid;
}

static long pidfile_pid(void)
{
	char *t = hf_slurp("/var/run/docker.pid", NULL);
	long pid = t ? strtol(t, NULL, 10) : 0;

	free(t);
	return pid > 0 ? pid : 0;
}

static void read_cmdline(struct hostfacts *h, int *nomem)
{
	char path[64], *buf, *p;
	const char *base;
	size_t len = 0, n = 0, i;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", h->daemon_pid);
	buf = hf_slurp(path, &len);
	if (!buf) {
		h->cmdline_state = hf_errno_state(errno);
		return;
	}
	for (i = 0; i < len; i++)
		n += buf[i] == '\0';
	h->argv = calloc(n + 2, sizeof(*h->argv));
	for (p = buf; h->argv && p < buf + len && h->argc <= n;
	     p += strlen(p) + 1)
		if ((h->argv[h->argc] = dup_n(p, nomem)) != NULL)
			h->argc++;
	free(buf);
	if (!h->argv) {
		*nomem = 1;
		return;
	}
	/* Only a dockerd's flags are the daemon's (a socket proxy's are not).
	 */
	base = h->argc ? strrchr(h->argv[0], '/') : NULL;
	base = base ? base + 1 : h->argc ? h->argv[0] : "";
	h->cmdline_state = strstr(base, "dockerd") ? HF_PRESENT : HF_UNKNOWN;
}

static void daemon_config(struct hostfacts *h, int *nomem)
{
	const char *cfg;
	struct api_error err;
	size_t len = 0;
	char *text;

	if (h->cmdline_state == HF_PRESENT &&
	    hostfacts_parse_argv(&h->opts, h->argv, h->argc) != API_OK)
		*nomem = 1;
	cfg = hostfacts_opt_get(h, "config-file");
	if (!cfg)
		cfg = "/etc/docker/daemon.json";
	hf_stat(&h->files[HF_F_DAEMON_JSON], cfg, nomem);
	text = hf_slurp(cfg, &len);
	if (!text) {
		h->json_state = hf_errno_state(errno);
		return;
	}
	h->json_state = HF_PRESENT;
	if (hostfacts_parse_daemon_json(&h->opts, text, len, &err) != API_OK) {
		if (err.code == API_E_NOMEM)
			*nomem = 1;
		h->json_error = dup_n(err.msg, nomem);
	}
	free(text);
}

static void unit_file(struct hostfacts_file *f, const char *name, int *nomem)
{
	static const char *const dirs[] = {"/etc/systemd/system",
					   "/lib/systemd/system",
					   "/usr/lib/systemd/system"};
	char p[3][PATH_MAX];
	const char *v[3];
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(p[i], sizeof(p[i]), "%s/%s", dirs[i], name);
		v[i] = p[i];
	}
	hf_stat_first(f, v, 3, nomem);
}

static void tls_file(struct hostfacts *h, enum hostfacts_file_id id,
		     const char *key, const char *dflt, int *nomem)
{
	const char *v = hostfacts_opt_get(h, key);
	int tls = hostfacts_opt_bool(h, "tls", 0) ||
		  hostfacts_opt_bool(h, "tlsverify", 0);

	/* dockerd's defaults apply only when TLS is on. */
	if (v || tls)
		hf_stat(&h->files[id], v ? v : dflt, nomem);
}

static void containerd_sock(struct hostfacts *h, int *nomem)
{
	const char *exec_root = hostfacts_opt_get(h, "exec-root");
	char managed[PATH_MAX];
	const char *v[3];
	size_t n = 0;

	if (hostfacts_opt_get(h, "containerd"))
		v[n++] = hostfacts_opt_get(h, "containerd");
	v[n++] = "/run/containerd/containerd.sock";
	/* dockerd starts its own containerd under its exec root */
	snprintf(managed, sizeof(managed), "%s/containerd/containerd.sock",
		 exec_root ? exec_root : "/var/run/docker");
	v[n++] = managed;
	hf_stat_first(&h->files[HF_F_CONTAINERD_SOCK], v, n, nomem);
}

static void daemon_files(struct hostfacts *h, const char *data_root, int *nomem)
{
	struct hostfacts_file *f = h->files;
	char exe[PATH_MAX], link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%ld/exe", h->daemon_pid);
	n = h->daemon_pid ? readlink(link, exe, sizeof(exe) - 1) : -1;
	if (n > 0) {
		exe[n] = '\0';
		hf_stat(&f[HF_F_DOCKERD], exe, nomem);
	} else {
		hf_stat_bin(&f[HF_F_DOCKERD], "dockerd", nomem);
	}
	hf_stat(&f[HF_F_RUN_CONTAINERD], "/run/containerd", nomem);
	if (!data_root)
		data_root = hostfacts_opt_get(h, "data-root");
	h->data_root = dup_n(data_root ? data_root : "/var/lib/docker", nomem);
	if (h->data_root)
		hf_stat(&f[HF_F_DATA_ROOT], h->data_root, nomem);
	hf_stat(&f[HF_F_ETC_DOCKER], "/etc/docker", nomem);
	unit_file(&f[HF_F_DOCKER_SERVICE], "docker.service", nomem);
	containerd_sock(h, nomem);
	unit_file(&f[HF_F_DOCKER_SOCKET_UNIT], "docker.socket", nomem);
	hf_stat(&f[HF_F_ETC_DEFAULT], "/etc/default/docker", nomem);
	hf_stat(&f[HF_F_CONTAINERD_TOML], "/etc/containerd/config.toml", nomem);
	hf_stat(&f[HF_F_SYSCONFIG], "/etc/sysconfig/docker", nomem);
	hf_stat_bin(&f[HF_F_CONTAINERD_BIN], "containerd", nomem);
	hf_stat_bin(&f[HF_F_SHIM], "containerd-shim", nomem);
	hf_stat_bin(&f[HF_F_SHIM_V1], "containerd-shim-runc-v1", nomem);
	hf_stat_bin(&f[HF_F_SHIM_V2], "containerd-shim-runc-v2", nomem);
	hf_stat_bin(&f[HF_F_RUNC], "runc", nomem);
	tls_file(h, HF_F_TLS_CA, "tlscacert", "/root/.docker/ca.pem", nomem);
	tls_file(h, HF_F_TLS_CERT, "tlscert", "/root/.docker/cert.pem", nomem);
	tls_file(h, HF_F_TLS_KEY, "tlskey", "/root/.docker/key.pem", nomem);
	hf_certs(h, "/etc/docker/certs.d", nomem);
}

api_code hostfacts_collect(const char *engine_host, const char *data_root,
			   const char *engine_version, const char *api_version,
			   struct hostfacts *h)
{
	const char *sock = NULL;
	int nomem = 0;

	h->engine_host = dup_n(engine_host, &nomem);
	h->engine_version = dup_n(engine_version, &nomem);
	h->api_version = dup_n(api_version, &nomem);
	h->is_root = geteuid() == 0;
	if (engine_host && strncmp(engine_host, "unix://", 7) == 0)
		sock = engine_host + 7;
	if (!sock || !*sock) {
		h->remote = 1;
		return nomem ? API_E_NOMEM : API_OK;
	}
	hf_stat(&h->files[HF_F_SOCKET], sock, &nomem);
	if (h->files[HF_F_SOCKET].state == HF_PRESENT)
		hf_group_members(h, h->files[HF_F_SOCKET].gid, &nomem);
	h->daemon_pid = peer_pid(sock);
	if (!h->daemon_pid)
		h->daemon_pid = pidfile_pid();
	if (h->daemon_pid)
		read_cmdline(h, &nomem);
	daemon_config(h, &nomem);
	daemon_files(h, data_root, &nomem);
	hf_mount(h, &nomem);
	hf_audit(h, &nomem);
	return nomem ? API_E_NOMEM : API_OK;
}
