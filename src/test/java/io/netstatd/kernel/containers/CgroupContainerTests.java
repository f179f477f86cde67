package io.netstatd.kernel.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cgroup paths as each runtime and driver writes them (by their conventions: the
 * kubelet's cgroup managers, containerd, CRI-O and Docker under the kubelet's systemd and
 * cgroupfs drivers, cgroup v1 and v2, a kind node, Docker and Podman alone), and what
 * each names.
 */
class CgroupContainerTests {

	private static final String ID = "5a2f8c6e7d9b0a1c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";

	private static final String NODE = "9e1c7b3a5d2f4e6a8c0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c";

	private static final String UID = "0b8ffb2a-1d4f-4d4c-9b0b-2c3b8f9d0e11";

	private static final String SYSTEMD_UID = "0b8ffb2a_1d4f_4d4c_9b0b_2c3b8f9d0e11";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			// containerd, systemd driver, cgroup v2, each QoS class
			"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + SYSTEMD_UID + ".slice/cri-containerd-"
					+ ID + ".scope|containerd|" + UID,
			"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + SYSTEMD_UID + ".slice/cri-containerd-"
					+ ID + ".scope|containerd|" + UID,
			"/kubepods.slice/kubepods-pod" + SYSTEMD_UID + ".slice/cri-containerd-" + ID + ".scope|containerd|" + UID,
			// CRI-O, systemd driver
			"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + SYSTEMD_UID + ".slice/crio-" + ID
					+ ".scope|cri-o|" + UID,
			// Docker under the kubelet (dockershim, cri-dockerd), systemd driver
			"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + SYSTEMD_UID + ".slice/docker-" + ID
					+ ".scope|docker|" + UID,
			// cgroupfs driver (cgroup v1 hierarchies, and v2): the id bare, or crio's
			// prefix
			"/kubepods/burstable/pod" + UID + "/" + ID + "|unknown|" + UID,
			"/kubepods/pod" + UID + "/" + ID + "|unknown|" + UID,
			"/kubepods/besteffort/pod" + UID + "/crio-" + ID + "|cri-o|" + UID,
			// a kind node: the pods' cgroups inside the node's own container
			"/system.slice/docker-" + NODE + ".scope/kubelet.slice/kubelet-kubepods.slice/"
					+ "kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod" + SYSTEMD_UID
					+ ".slice/cri-containerd-" + ID + ".scope|containerd|" + UID,
			"/docker/" + NODE + "/kubepods/besteffort/pod" + UID + "/" + ID + "|unknown|" + UID,
			// no Kubernetes
			"/system.slice/docker-" + ID + ".scope|docker|-", "/docker/" + ID + "|unknown|-",
			"/machine.slice/libpod-" + ID + ".scope|podman|-" })
	void namesTheContainerAndPod(String path, String runtime, String podUid) {
		assertThat(CgroupContainer.parse(path)).isEqualTo(new CgroupContainer(runtime, ID, podUid));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/", "/system.slice/ssh.service", "/user.slice/user-0.slice/session-3.scope",
			// a pod's slice, no container in it; CRI-O's monitor beside the container
			"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + SYSTEMD_UID + ".slice",
			"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + SYSTEMD_UID + ".slice/crio-conmon-"
					+ ID + ".scope",
			// not 64 hex digits
			"/docker/5a2f8c6e7d9b", "/kubepods/pod" + UID + "/" + ID + "0" })
	void namesNoneWhereThereIsNone(String path) {
		assertThat(CgroupContainer.parse(path)).isNull();
	}

	@Test
	void takesAProcesssCgroupV2LineOverItsV1Ones() {
		String v1 = """
				12:pids:/kubepods/burstable/pod%s/%s
				11:memory:/kubepods/burstable/pod%s/%s
				1:name=systemd:/kubepods/burstable/pod%s/%s
				""".formatted(UID, ID, UID, ID, UID, ID);
		assertThat(CgroupContainer.ofProcess(v1)).isEqualTo(new CgroupContainer("unknown", ID, UID));
		String hybrid = """
				1:name=systemd:/system.slice/docker-%s.scope
				0::/kubepods.slice/kubepods-pod%s.slice/cri-containerd-%s.scope
				""".formatted(NODE, SYSTEMD_UID, ID);
		assertThat(CgroupContainer.ofProcess(hybrid)).isEqualTo(new CgroupContainer("containerd", ID, UID));
		assertThat(CgroupContainer.ofProcess("0::/system.slice/ssh.service\n")).isNull();
	}

}
