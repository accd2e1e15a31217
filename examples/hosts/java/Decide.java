// Decide one complaint through the decision service over HTTP (java.net.http, JDK 11+).
//
//   java examples/hosts/java/Decide.java BASE_URL POLICY COMPLAINT.json
//
// Prints the decision JSON (the response body, exactly decide_json()'s bytes) and a
// newline. A refusal (an RFC 9457 problem document) goes to stderr, exit status 1.
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

public class Decide {
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: java Decide.java BASE_URL POLICY COMPLAINT.json");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String policy = URLEncoder.encode(args[1], StandardCharsets.UTF_8);
        byte[] complaint = Files.readAllBytes(Path.of(args[2]));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .uri(URI.create(base + "/v1/policies/" + policy + "/decide"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(complaint));
        String token = System.getenv("COMPLAINT_RULES_TOKEN");  // when served with --token-file
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

        PrintStream out = response.statusCode() == 200 ? System.out : System.err;
        out.write(response.body());
        out.write('\n');
        out.flush();
        System.exit(response.statusCode() == 200 ? 0 : 1);
    }
}
