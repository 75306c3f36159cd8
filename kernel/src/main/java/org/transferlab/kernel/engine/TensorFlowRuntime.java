package org.transferlab.kernel.engine;

import static java.util.Objects.requireNonNull;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;

/** What TensorFlow offers this process: its version, which native build is loaded, and the devices it sees. */
public final class TensorFlowRuntime {

    /** Native builds by the folder their JAR keeps the libraries in. */
    private static final List<String[]> NATIVE_BUILDS = List.of(
            new String[] {"linux-x86_64-gpu", "GPU (CUDA)"},
            new String[] {"linux-x86_64", "CPU"},
            new String[] {"linux-arm64", "CPU (arm64)"},
            new String[] {"macosx-arm64", "CPU (Apple silicon)"},
            new String[] {"windows-x86_64", "CPU (Windows)"});

    /** A device a session can place operations on. */
    public record Device(String name, String type, long memoryBytes) {
    }

    /** A native build on the class path, and the JAR it comes from. */
    public record NativeBuild(String platform, String description, String source) {
    }

    private TensorFlowRuntime() {
    }

    public static String version() {
        return TensorFlow.version();
    }

    /** The native builds on the class path; TensorFlow Java loads the first that fits the platform. */
    public static List<NativeBuild> nativeBuilds() {
        List<NativeBuild> builds = new ArrayList<>();
        ClassLoader loader = TensorFlow.class.getClassLoader();
        for (String[] build : NATIVE_BUILDS) {
            URL library = loader.getResource("org/tensorflow/internal/c_api/" + build[0] + "/libjnitensorflow.so");
            if (library == null) {
                library = loader.getResource("org/tensorflow/internal/c_api/" + build[0] + "/jnitensorflow.dll");
            }
            if (library != null) {
                String source = library.toString();
                int jar = source.indexOf("!/");
                builds.add(new NativeBuild(build[0], build[1], jar < 0 ? source : source.substring(0, jar)));
            }
        }
        return builds;
    }

    /** The devices a session configured by {@code runtime} sees. */
    public static List<Device> devices(RuntimeOptions runtime) {
        requireNonNull(runtime, "runtime is null");
        TensorFlow.version();
        byte[] config = runtime.sessionConfig().toByteArray();
        List<Device> devices = new ArrayList<>();
        try (TF_Status status = TF_Status.newStatus()) {
            TF_Graph graph = TF_NewGraph();
            TF_SessionOptions options = TF_NewSessionOptions();
            try (BytePointer configBytes = new BytePointer(config)) {
                TF_SetConfig(options, configBytes, config.length, status);
                status.throwExceptionIfNotOK();
                TF_Session session = TF_NewSession(graph, options, status);
                status.throwExceptionIfNotOK();
                try {
                    TF_DeviceList list = TF_SessionListDevices(session, status);
                    status.throwExceptionIfNotOK();
                    try {
                        for (int i = 0; i < TF_DeviceListCount(list); i++) {
                            devices.add(new Device(TF_DeviceListName(list, i, status).getString(),
                                    TF_DeviceListType(list, i, status).getString(),
                                    TF_DeviceListMemoryBytes(list, i, status)));
                            status.throwExceptionIfNotOK();
                        }
                    } finally {
                        TF_DeleteDeviceList(list);
                    }
                } finally {
                    TF_CloseSession(session, status);
                    TF_DeleteSession(session, status);
                }
            } finally {
                TF_DeleteSessionOptions(options);
                TF_DeleteGraph(graph);
            }
        }
        return devices;
    }
}
