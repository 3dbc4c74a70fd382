#include "posture/rule_table.h"

#include <string.h>

#include "posture/check_host.h"
#include "posture/check_service.h"
#include "posture/checks.h"

#define C POSTURE_IN(POSTURE_SCOPE_CONTAINER)
#define I POSTURE_IN(POSTURE_SCOPE_IMAGE)
#define E POSTURE_IN(POSTURE_SCOPE_ENGINE)
#define H POSTURE_IN(POSTURE_SCOPE_HOST)
/* Rows the host rules share a check and a why with. */
#define HOST_AUDIT(id, what)                                                   \
	{                                                                      \
		id, LOW, H, "No audit rule for " what,                         \
			"Changes to the daemon and its files should leave an " \
			"audit trail.",                                        \
			"-w PATH -k docker in "                                \
			"/etc/audit/rules.d/docker.rules",                     \
			posture_check_host_audit                               \
	}
#define HOST_FILE(id, sev, title)                                              \
	{                                                                      \
		id, sev, H, title,                                             \
			"Whoever can change the daemon's files or socket is "  \
			"root on the "                                         \
			"host.",                                               \
			"chown root:root (root:docker for the socket); chmod " \
			"to the "                                              \
			"benchmark's mode",                                    \
			posture_check_host_file                                \
	}
#define CRIT POSTURE_SEV_CRITICAL
#define HIGH POSTURE_SEV_HIGH
#define MED POSTURE_SEV_MEDIUM
#define LOW POSTURE_SEV_LOW
#define INFO POSTURE_SEV_INFO

/* Ids follow CIS Docker Benchmark 1.6.0 as docker-bench-security
 * numbers it; one row per id, berth.* where CIS has none. */
const struct posture_rule posture_rules[] = {
	/* Engine */
	{"2.1", INFO, E, "Daemon runs as root",
	 "A root daemon means an escape from any container is root on the "
	 "host.",
	 "run the daemon rootless (dockerd-rootless-setuptool.sh install)",
	 posture_check_engine_rule},
	{"2.2", MED, E,
	 "Containers on the default bridge can talk to each other",
	 "Any container can reach every other one on docker0, unfiltered.",
	 "dockerd --icc=false (or \"icc\": false in daemon.json)",
	 posture_check_engine_rule},
	{"2.5", MED, E, "Insecure registries allowed",
	 "Images pulled over plain HTTP or unverified TLS can be swapped.",
	 "remove --insecure-registry / \"insecure-registries\" entries",
	 posture_check_engine_rule},
	{"2.6", LOW, E, "Deprecated storage driver",
	 "aufs, overlay and devicemapper are unmaintained and had escapes.",
	 "dockerd --storage-driver=overlay2", posture_check_engine_rule},
	{"berth.engine.tls", CRIT, E, "Engine reached over TCP without TLS",
	 "Anyone who can reach the port is root on the host.",
	 "dockerd --tlsverify --tlscacert --tlscert --tlskey, or use ssh://",
	 posture_check_engine_rule},
	{"2.9", LOW, E, "No user namespace remapping",
	 "Root in a container is root on the host after an escape.",
	 "dockerd --userns-remap=default (or run rootless)",
	 posture_check_engine_rule},
	{"2.13", INFO, E, "Logs stay on the host only",
	 "Local log drivers lose the trail when the host is compromised.",
	 "dockerd --log-driver=syslog|journald|fluentd|gelf ...",
	 posture_check_engine_rule},
	{"2.15", LOW, E, "Live restore disabled",
	 "A daemon restart or upgrade stops every container.",
	 "dockerd --live-restore", posture_check_engine_rule},
	{"2.17", HIGH, E, "No default seccomp profile",
	 "Without seccomp every syscall, including rare exploitable ones, is "
	 "open.",
	 "run dockerd with seccomp support and the default profile",
	 posture_check_engine_rule},
	{"2.18", LOW, E, "Experimental features enabled",
	 "Experimental code paths are less reviewed and may change.",
	 "remove --experimental / \"experimental\": true",
	 posture_check_engine_rule},
	{"berth.engine.mac", MED, E, "No mandatory access control",
	 "Neither AppArmor nor SELinux confines any container on this engine "
	 "(CIS 5.2 and 5.3 then fail for each).",
	 "run dockerd where AppArmor is enabled (docker-default profile) or "
	 "with --selinux-enabled on an SELinux host",
	 posture_check_engine_mac},
	{"6.1", INFO, E, "Image sprawl",
	 "Images no container uses stay on the host with the vulnerabilities "
	 "of the day they were built, and nobody updates them.",
	 "docker image prune -a (or docker rmi the ones no longer needed)",
	 posture_check_image_sprawl},
	{"6.2", INFO, E, "Container sprawl",
	 "Stopped containers pile up: old settings, old images and their "
	 "vulnerabilities stay on the host.",
	 "docker container prune (or docker rm the ones no longer needed)",
	 posture_check_engine_rule},
	{"5.1", INFO, E, "Swarm mode enabled",
	 "Swarm opens management ports and keeps secrets on the node.",
	 "docker swarm leave (if swarm is not needed)",
	 posture_check_engine_rule},
	/* Images */
	{"4.7", LOW, I, "Package index update alone in a layer",
	 "A cached update layer installs stale packages in later builds.",
	 "RUN apt-get update && apt-get install -y ... in one instruction",
	 posture_check_image_update},
	{"4.8", LOW, I, "Setuid or setgid files in the image",
	 "A setuid or setgid program runs with its owner's rights whoever "
	 "starts it: a way up from an unprivileged user in the container.",
	 "remove the bits in the Dockerfile (RUN find / -xdev -perm /6000 "
	 "-type f -exec chmod a-s {} +), or run with "
	 "--security-opt no-new-privileges",
	 posture_check_image_setuid},
	{"4.9", LOW, I, "ADD used instead of COPY",
	 "ADD fetches URLs and unpacks archives, pulling in unchecked content.",
	 "COPY in the Dockerfile (curl + checksum for remote files)",
	 posture_check_image_add},
	{"4.10", HIGH, I, "Secrets in the image",
	 "Env, build args and RUN lines are kept in the image for anyone who "
	 "can pull it: docker history and docker inspect show them.",
	 "pass secrets at run time (docker secret, a mounted file, "
	 "RUN --mount=type=secret), never as ENV, ARG or in a RUN line",
	 posture_check_image_secrets},
	{"4.11", MED, I, "Packages or scripts installed unverified",
	 "A download piped into a shell, or installed without a signature or "
	 "checksum, runs whatever the network answered.",
	 "fetch to a file, check its sha256sum or signature in the same RUN, "
	 "keep the package manager's signature checks on",
	 posture_check_image_unverified},
	{"berth.image.unofficial", MED, I, "Image from an untrusted source",
	 "Neither a Docker Hub official image nor one from a registry the "
	 "policy trusts: whoever controls that namespace controls what runs "
	 "(CIS 4.2 asks for trusted base images).",
	 "use an official image or one from your own registry, or add the "
	 "registry to trusted_registries in the config file",
	 posture_check_image_unofficial},
	{"berth.image.eol", HIGH, I, "Base OS past its end of life",
	 "The release gets no more security updates: every hole found since "
	 "stays open, however often the image is rebuilt.",
	 "rebuild FROM a supported release of the base image",
	 posture_check_image_eol},
	{"berth.image.age", LOW, I, "Image not rebuilt for a long time",
	 "Every container carries its own OS: an image built months ago "
	 "carries the packages and their holes of that day.",
	 "rebuild the image regularly (docker build --pull --no-cache) and "
	 "recreate its containers",
	 posture_check_image_age},
	{"berth.image.unpinned", LOW, I, "Packages installed without versions",
	 "Two builds of the same Dockerfile install different software; what "
	 "was tested is not what ships.",
	 "pin versions: apt-get install pkg=1.2-3, apk add pkg=1.2-r0, "
	 "pip install pkg==1.2, npm install pkg@1.2, gem install pkg -v 1.2",
	 posture_check_image_unpinned},
	{"berth.image.copyall", LOW, I, "Whole build context copied",
	 "COPY . takes everything beside the Dockerfile (keys, .git, .env) "
	 "unless .dockerignore excludes it.",
	 "COPY only the files the image needs, and keep a .dockerignore",
	 posture_check_image_copyall},
	{"berth.image.tag", LOW, I, "Image only known as latest or untagged",
	 "What runs cannot be traced to a version, and changes on each pull.",
	 "tag images with a version (or pin a digest) and run that",
	 posture_check_image_tag},
	/* Containers */
	{"5.5", CRIT, C, "Privileged container",
	 "Privileged means every capability, every device and no confinement: "
	 "root on the host.",
	 "drop --privileged; add only the capabilities needed (--cap-add)",
	 posture_check_privileged},
	{"5.32", CRIT, C, "Docker socket mounted",
	 "Whoever holds the socket controls the engine, and so the host.",
	 "remove -v /var/run/docker.sock:...; use a filtering proxy if needed",
	 posture_check_docker_socket},
	{"berth.caps.escape", CRIT, C, "Escape-grade capability",
	 "SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH, NET_ADMIN and "
	 "kin have known container escapes.",
	 "drop the --cap-add (or --cap-drop ALL and add back only what is "
	 "needed)",
	 posture_check_caps_escape},
	{"5.4", MED, C, "Capabilities beyond the default set",
	 "Each added capability widens what root in the container can do.",
	 "--cap-drop ALL --cap-add <only what is needed>",
	 posture_check_caps_added},
	{"5.6", HIGH, C, "Sensitive host directory mounted",
	 "Host system directories let a container read or change the host "
	 "(read-only still leaks secrets).",
	 "mount only the application's own data, never / /etc /usr /proc ...",
	 posture_check_sensitive_mounts},
	{"5.10", HIGH, C, "Host network namespace",
	 "The container sees every host interface and local-only service.",
	 "drop --network host; publish the ports needed",
	 posture_check_namespace},
	{"5.16", HIGH, C, "Host PID namespace",
	 "The container sees and can signal or ptrace every host process.",
	 "drop --pid host", posture_check_namespace},
	{"5.17", HIGH, C, "Host IPC namespace",
	 "The container shares the host's shared memory and semaphores.",
	 "drop --ipc host", posture_check_namespace},
	{"5.22", HIGH, C, "Seccomp unconfined",
	 "Every syscall is open to the container, including exploitable ones.",
	 "drop --security-opt seccomp=unconfined", posture_check_seccomp},
	{"4.1", MED, C | I, "Runs as root",
	 "Root in a container is one kernel bug away from root on the host.",
	 "--user 1000:1000, or USER <non-root> in the Dockerfile",
	 posture_check_user},
	{"5.2", MED, C, "AppArmor unconfined",
	 "No mandatory access control limits what the container may touch.",
	 "drop --security-opt apparmor=unconfined (and --privileged)",
	 posture_check_apparmor},
	{"5.3", MED, C, "SELinux labels disabled",
	 "No mandatory access control limits what the container may touch.",
	 "drop --security-opt label=disable (and --privileged)",
	 posture_check_selinux},
	{"5.8", MED, C, "Privileged host port published",
	 "Ports below 1024 are the host's own services' ports.",
	 "-p 8080:80 (a host port of 1024 or more)", posture_check_low_ports},
	{"5.14", MED, C, "Port published on every host interface",
	 "The port is reachable from every network the host is on.",
	 "-p 127.0.0.1:8080:80 (bind to one address)",
	 posture_check_all_interfaces},
	{"5.18", MED, C, "Host device exposed",
	 "Direct device access bypasses the kernel's isolation of the host.",
	 "drop --device (or limit it: --device /dev/x:/dev/x:r)",
	 posture_check_devices},
	{"5.20", MED, C, "Shared mount propagation",
	 "Mounts made inside the container appear on the host, and back.",
	 "-v src:dst (private propagation, the default)",
	 posture_check_propagation},
	{"5.21", MED, C, "Host UTS namespace",
	 "The container can change the host's hostname.", "drop --uts host",
	 posture_check_namespace},
	{"berth.health.unhealthy", MED, C, "Container unhealthy",
	 "Its healthcheck fails: the service is not doing its job.",
	 "docker inspect --format '{{json .State.Health}}' and fix the cause",
	 posture_check_health},
	{"5.11", MED, C, "No memory limit",
	 "One container can exhaust the host's memory.",
	 "--memory 512m (and --memory-swap)", posture_check_memory},
	{"5.29", MED, C, "No PIDs limit",
	 "A fork bomb in the container takes the host down.",
	 "--pids-limit 200", posture_check_pids},
	{"5.12", LOW, C, "No CPU limit",
	 "One container can starve the host and its neighbours.",
	 "--cpus 1.5 (or --cpu-shares / --cpu-quota)", posture_check_cpu},
	{"5.13", LOW, C, "Root filesystem writable",
	 "An intruder can change binaries and drop tools in the container.",
	 "--read-only (with --tmpfs /tmp for scratch space)",
	 posture_check_readonly},
	{"berth.logs.unbounded", MED, C, "Logs kept without a size limit",
	 "A json-file log with no max-size grows until the disk that holds "
	 "the engine's data is full, and then every container on the host "
	 "fails (the daemon's log-opts are recorded in each container's "
	 "own LogConfig when it is created).",
	 "--log-opt max-size=10m --log-opt max-file=3, or log-opts in "
	 "daemon.json for the containers created after",
	 posture_check_logs_unbounded},
	{"berth.logs.none", LOW, C, "Output kept nowhere",
	 "With the none log driver a crash leaves no trace to read: docker "
	 "logs and berth show nothing.",
	 "--log-driver local (rotated on the host) or a remote driver",
	 posture_check_logs_none},
	{"5.15", LOW, C, "Restart policy not bounded",
	 "A crash-looping container restarts forever and hides the crash.",
	 "--restart on-failure:5", posture_check_restart},
	{"5.26", LOW, C, "Privilege escalation not blocked",
	 "setuid binaries in the container can still gain privileges.",
	 "--security-opt no-new-privileges", posture_check_nnp},
	{"5.31", LOW, C, "Host user namespace",
	 "It opts out of the daemon's user namespace remapping.",
	 "drop --userns host", posture_check_namespace},
	{"5.25", LOW, C, "Custom cgroup parent",
	 "Limits set for containers may not apply under another parent.",
	 "drop --cgroup-parent", posture_check_cgroup_parent},
	{"5.30", LOW, C, "On the default bridge",
	 "Every container on docker0 can reach every other.",
	 "--network <a user-defined network>", posture_check_default_bridge},
	{"5.19", LOW, C, "Ulimits overridden",
	 "Overrides can lift the daemon's limits on files and processes.",
	 "drop --ulimit unless needed (set defaults in the daemon)",
	 posture_check_ulimits},
	{"5.27", LOW, C, "Health not checked at runtime",
	 "The engine cannot tell a hung service from a healthy one.",
	 "--health-cmd ... (or HEALTHCHECK CMD ... in the image; drop "
	 "--no-healthcheck)",
	 posture_check_health_runtime},
	{"4.6", LOW, I, "No HEALTHCHECK in the image",
	 "Containers of it run with no health check unless each adds one.",
	 "HEALTHCHECK CMD ... in the Dockerfile",
	 posture_check_image_healthcheck},
	{"5.7", MED, C, "sshd runs in the container",
	 "A second way in, with its own keys and patches to keep, beside "
	 "docker exec.",
	 "drop sshd from the image; docker exec -it NAME sh to get in",
	 posture_check_sshd},
	{"berth.drift", HIGH, C,
	 "Programs or configuration changed since start",
	 "A container runs what its image holds; files added, changed or "
	 "deleted under /bin, /sbin, /usr, /lib or /etc after it started "
	 "are what an intruder or a hand-made fix leaves, and are gone on "
	 "the next recreate.",
	 "find out who changed them (berth diff NAME); put a wanted change "
	 "in the image and rebuild; run with --read-only (5.12)",
	 posture_check_drift},
	{"berth.process.supervisor", LOW, C, "More than one application",
	 "A supervisor or several programs in one container hide crashes "
	 "from the engine and mix their updates.",
	 "one process per container (compose services for the others); "
	 "--init if only zombies need reaping",
	 posture_check_one_app},
	/* Host: the engine's own host (berth audit --host-checks) */
	{"berth.host.remote", INFO, H, "Host not judged: the engine is remote",
	 "The daemon's files and flags can only be read on its own host.",
	 "run berth audit on the engine's host (ssh host berth audit)",
	 posture_check_host_remote},
	{"berth.host.config", INFO, H, "Daemon configuration not readable",
	 "Section 2 is judged only when the command line and daemon.json "
	 "were both read.",
	 "run berth audit as root on the engine's host",
	 posture_check_host_cmdline},
	{"1.1.1", LOW, H, "Data root not on its own partition",
	 "Images and logs filling the root filesystem take the host down.",
	 "mount a separate filesystem at the data root (/var/lib/docker)",
	 posture_check_host_partition},
	{"1.1.2", MED, H, "Users who control the daemon",
	 "Membership of the socket's group is root on the host.",
	 "gpasswd -d USER docker for everyone who does not need it",
	 posture_check_host_access},
	{"berth.host.audit", INFO, H, "No audit rules file",
	 "Without auditd rules, changes to the daemon and its files leave no "
	 "trail.",
	 "install auditd; add -w rules in /etc/audit/rules.d/docker.rules",
	 posture_check_host_audit_file},
	HOST_AUDIT("1.1.3", "dockerd"),
	HOST_AUDIT("1.1.4", "/run/containerd"),
	HOST_AUDIT("1.1.5", "the data root"),
	HOST_AUDIT("1.1.6", "/etc/docker"),
	HOST_AUDIT("1.1.7", "docker.service"),
	HOST_AUDIT("1.1.8", "containerd.sock"),
	HOST_AUDIT("1.1.9", "docker.socket"),
	HOST_AUDIT("1.1.10", "/etc/default/docker"),
	HOST_AUDIT("1.1.11", "/etc/docker/daemon.json"),
	HOST_AUDIT("1.1.12", "/etc/containerd/config.toml"),
	HOST_AUDIT("1.1.13", "/etc/sysconfig/docker"),
	HOST_AUDIT("1.1.14", "containerd"),
	HOST_AUDIT("1.1.15", "containerd-shim"),
	HOST_AUDIT("1.1.16", "containerd-shim-runc-v1"),
	HOST_AUDIT("1.1.17", "containerd-shim-runc-v2"),
	HOST_AUDIT("1.1.18", "runc"),
	{"1.2.2", INFO, H, "Engine older than the newest release known",
	 "Older engines miss security fixes.",
	 "upgrade the engine (apt-get install docker-ce, or the distro's)",
	 posture_check_host_version},
	{"2.3", LOW, H, "Daemon log level not info",
	 "debug logs leak request details; warn and above lose the trail.",
	 "dockerd --log-level=info (or drop the flag)",
	 posture_check_host_flag},
	{"2.4", MED, H, "Docker may not change iptables",
	 "Without it, published ports and network isolation are left to "
	 "hand-made rules.",
	 "drop --iptables=false", posture_check_host_flag},
	{"2.7", CRIT, H, "Daemon listens on TCP without TLS",
	 "Anyone who can reach the port is root on the host.",
	 "dockerd --tlsverify --tlscacert --tlscert --tlskey (or no -H tcp://)",
	 posture_check_host_flag},
	{"2.8", INFO, H, "No default ulimit",
	 "Containers inherit the daemon's limits on files and processes.",
	 "dockerd --default-ulimit nofile=1024:4096 (or \"default-ulimits\")",
	 posture_check_host_flag},
	{"2.10", INFO, H, "Custom default cgroup parent",
	 "Limits set for containers may not apply under another parent.",
	 "drop --cgroup-parent unless it is meant", posture_check_host_flag},
	{"2.12", LOW, H, "No authorization plugin",
	 "Anyone reaching the socket may do anything the API allows.",
	 "dockerd --authorization-plugin=PLUGIN", posture_check_host_flag},
	{"2.14", LOW, H, "Daemon does not block privilege escalation",
	 "setuid binaries in every container can gain privileges by default.",
	 "dockerd --no-new-privileges (or \"no-new-privileges\": true)",
	 posture_check_host_flag},
	{"2.16", LOW, H, "Userland proxy enabled",
	 "docker-proxy listens on each published port: more code, more "
	 "exposure.",
	 "dockerd --userland-proxy=false", posture_check_host_flag},
	HOST_FILE("3.1", MED, "docker.service not owned by root:root"),
	HOST_FILE("3.2", MED, "docker.service mode above 644"),
	HOST_FILE("3.3", MED, "docker.socket not owned by root:root"),
	HOST_FILE("3.4", MED, "docker.socket mode above 644"),
	HOST_FILE("3.5", MED, "/etc/docker not owned by root:root"),
	HOST_FILE("3.6", MED, "/etc/docker mode above 755"),
	HOST_FILE("3.7", MED, "Registry certificate not owned by root:root"),
	HOST_FILE("3.8", MED, "Registry certificate mode above 444"),
	HOST_FILE("3.9", MED, "TLS CA certificate not owned by root:root"),
	HOST_FILE("3.10", MED, "TLS CA certificate mode above 444"),
	HOST_FILE("3.11", MED, "Server certificate not owned by root:root"),
	HOST_FILE("3.12", MED, "Server certificate mode above 444"),
	HOST_FILE("3.13", HIGH, "Server key not owned by root:root"),
	HOST_FILE("3.14", HIGH, "Server key mode above 400"),
	HOST_FILE("3.15", HIGH, "Docker socket not owned by root:docker"),
	HOST_FILE("3.16", HIGH, "Docker socket mode above 660"),
	HOST_FILE("3.17", MED, "daemon.json not owned by root:root"),
	HOST_FILE("3.18", MED, "daemon.json mode above 644"),
	HOST_FILE("3.19", MED, "/etc/default/docker not owned by root:root"),
	HOST_FILE("3.20", MED, "/etc/default/docker mode above 644"),
	HOST_FILE("3.21", MED, "/etc/sysconfig/docker mode above 644"),
	HOST_FILE("3.22", MED, "/etc/sysconfig/docker not owned by root:root"),
	HOST_FILE("3.23", MED, "containerd socket not owned by root:root"),
	HOST_FILE("3.24", MED, "containerd socket mode above 660"),
/* Swarm services: their task template, what every task runs with */
#define SVC POSTURE_IN(POSTURE_SCOPE_SERVICE)
	{"berth.service.caps", CRIT, SVC,
	 "Service adds escape-grade capabilities",
	 "SYS_ADMIN, ALL and kin in every task: a container escape away from "
	 "the node.",
	 "docker service update --cap-drop SYS_ADMIN (drop the --cap-add)",
	 posture_check_service_caps},
	{"berth.service.docker_socket", CRIT, SVC,
	 "Service mounts the Docker socket",
	 "Every task controls its node's engine, and so the node.",
	 "docker service update --mount-rm /var/run/docker.sock",
	 posture_check_service_socket},
	{"berth.service.sensitive_mount", HIGH, SVC,
	 "Service mounts a sensitive host directory",
	 "Every task can read or change the node's system files.",
	 "docker service update --mount-rm TARGET (bind only the app's data)",
	 posture_check_service_mounts},
	{"berth.service.seccomp", HIGH, SVC, "Service runs seccomp unconfined",
	 "Every syscall is open to its tasks, including exploitable ones.",
	 "drop Privileges.Seccomp.Mode=unconfined from the service spec",
	 posture_check_service_seccomp},
	{"berth.service.apparmor", MED, SVC, "Service runs AppArmor unconfined",
	 "No mandatory access control limits what its tasks may touch.",
	 "drop Privileges.AppArmor.Mode=unconfined from the service spec",
	 posture_check_service_apparmor},
	{"berth.service.root", MED, SVC, "Service runs as root",
	 "Root in a task is one kernel bug away from root on the node.",
	 "docker service update --user 1000:1000 (or USER in the image)",
	 posture_check_service_user},
	{"berth.service.ingress_port", MED, SVC,
	 "Service port published on every node",
	 "The routing mesh listens on every interface of every node.",
	 "--publish mode=host,published=P,target=T behind a bound proxy",
	 posture_check_service_ports},
	{"berth.service.memory", MED, SVC, "Service has no memory limit",
	 "One task can exhaust its node's memory.",
	 "docker service update --limit-memory 512M",
	 posture_check_service_memory},
	{"berth.service.pids", MED, SVC, "Service has no PIDs limit",
	 "A fork bomb in one task takes its node down.",
	 "docker service update --limit-pids 200", posture_check_service_pids},
	{"berth.service.cpu", LOW, SVC, "Service has no CPU limit",
	 "One task can starve its node and its neighbours.",
	 "docker service update --limit-cpu 1.5", posture_check_service_cpu},
	{"berth.service.readonly", LOW, SVC, "Service root filesystem writable",
	 "An intruder can change binaries and drop tools in its tasks.",
	 "docker service update --read-only", posture_check_service_readonly},
	{"berth.service.nnp", INFO, SVC,
	 "Service does not block privilege escalation",
	 "setuid binaries in its tasks can still gain privileges.",
	 "Privileges.NoNewPrivileges: true in the spec (API 1.46+), or "
	 "dockerd --no-new-privileges",
	 posture_check_service_nnp},
#undef SVC
};

const size_t posture_rules_n = sizeof(posture_rules) / sizeof(posture_rules[0]);

const struct posture_rule *posture_rule_find(const char *id)
{
	size_t i;

	for (i = 0; id && i < posture_rules_n; i++)
		if (strcmp(posture_rules[i].id, id) == 0)
			return &posture_rules[i];
	return NULL;
}

enum posture_scope posture_rule_scope(const struct posture_rule *r)
{
	unsigned s;

	for (s = 0; s < 8 * sizeof(r->scopes); s++)
		if (r->scopes & (1u << s))
			return (enum posture_scope)s;
	return POSTURE_SCOPE_CONTAINER;
}
