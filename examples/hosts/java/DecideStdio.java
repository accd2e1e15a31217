// Decide one complaint through `complaint-rules serve --stdio` (JSON lines on a pipe),
// started from PATH with ProcessBuilder. A long-lived host keeps the process and sends
// one request line per complaint; each reply line comes back in order.
//
//   java examples/hosts/java/DecideStdio.java POLICY COMPLAINT.json
//
// Prints the decision JSON (exactly decide_json()'s bytes) and a newline.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class DecideStdio {
    // The reply line is {"id":<id>,"op":"decide","ok":true,"result":<decision>}: the
    // decision is the text between this prefix and the final '}', byte for byte.
    private static final String OK_PREFIX = "{\"id\":1,\"op\":\"decide\",\"ok\":true,\"result\":";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: java DecideStdio.java POLICY COMPLAINT.json");
            System.exit(2);
        }
        String complaint = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
        Process server = new ProcessBuilder("complaint-rules", "serve", "--stdio")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader replies = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        OutputStream requests = server.getOutputStream();

        String ready = replies.readLine();  // {"ready":true,...,"policies":[...]}
        if (ready == null || !ready.startsWith("{\"ready\":true")) {
            System.err.println("the server did not start: " + ready);
            System.exit(1);
        }
        // One request a line; the complaint is sent as it is (newlines removed: JSON allows it
        // outside strings, and a JSON string cannot hold a raw newline).
        String line = "{\"id\":1,\"op\":\"decide\",\"policy\":" + quote(args[0])
                + ",\"complaint\":" + complaint.replace("\r", " ").replace("\n", " ") + "}\n";
        requests.write(line.getBytes(StandardCharsets.UTF_8));
        requests.flush();
        String reply = replies.readLine();
        requests.close();
        server.waitFor();

        if (reply != null && reply.startsWith(OK_PREFIX) && reply.endsWith("}")) {
            String decision = reply.substring(OK_PREFIX.length(), reply.length() - 1);
            System.out.write((decision + "\n").getBytes(StandardCharsets.UTF_8));
            System.out.flush();
            System.exit(0);
        }
        System.err.println(reply);
        System.exit(1);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
