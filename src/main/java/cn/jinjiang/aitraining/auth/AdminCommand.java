package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin create --username NAME --password-stdin [--role ROLE] [--db FILE]}: operator commands for accounts. */
@Command(name = "admin", description = "Manage admin accounts.", mixinStandardHelpOptions = true,
        subcommands = AdminCommand.Create.class)
public final class AdminCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account, or reset the password of an existing one (its sessions end). The password is read from standard input.")
    public static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--username", required = true, description = "the admin's user name")
        String username;

        @Option(names = "--password-stdin", required = true,
                description = "read the password from standard input (never from the command line, where others can see it)")
        boolean passwordStdin;

        @Option(names = "--role", paramLabel = "ROLE", converter = RoleConverter.class,
                description = "editor, publisher or admin; a new account is an admin unless this says otherwise,"
                        + " an existing one keeps its role unless this is given")
        Role role;

        @Option(names = "--db", defaultValue = AppConfig.DEFAULT_DB, paramLabel = "FILE|URL",
                description = "SQLite database file (default: ${DEFAULT-VALUE}) or PostgreSQL JDBC URL")
        String db;

        @Option(names = "--db-password-file", paramLabel = "FILE",
                description = "PostgreSQL: the file whose first line is the password (default: $DASHBOARD_DB_PASSWORD)")
        Path dbPasswordFile;

        @Override
        public Integer call() throws IOException {
            var err = spec.commandLine().getErr();
            var out = spec.commandLine().getOut();
            if (!PasswordPolicy.validUsername(username)) {
                err.println("Error: " + Messages.get(Lang.EN, "username.invalid"));
                return 2;
            }
            String password = readPassword(System.in);
            var problem = PasswordPolicy.checkPassword(password);
            if (problem.isPresent()) {
                err.println("Error: " + Messages.get(Lang.EN, problem.get(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
                return 2;
            }
            try (Database database = Database.open(DatabaseLocation.parse(db, dbPasswordFile), Database.DEFAULT_CONNECT_WAIT)) {
                var accounts = new AdminAccounts(new AdminUserDao(database.jdbi()), new PasswordHasher(), Clock.systemUTC());
                var outcome = accounts.createOrReset(username, password, role);
                AdminUser user = accounts.find(username).orElseThrow();
                String what = user.role() == Role.ADMIN ? "admin" : user.role().code();
                out.println(outcome == AdminAccounts.Outcome.CREATED
                        ? "Created " + what + " " + username + " in " + db
                        : "Reset the password of " + what + " " + username + " in " + db);
                if (user.disabled()) out.println("Note: this account is disabled; an admin can enable it at /admin/users.");
            }
            return 0;
        }

        /** {@code editor}, {@code publisher} or {@code admin}; anything else is a usage error naming the choices. */
        static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
            @Override
            public Role convert(String value) {
                return Role.fromCode(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a role: use editor, publisher or admin"));
            }
        }

        /** The whole of standard input as UTF-8, without the one line break that ends it. */
        static String readPassword(InputStream in) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            int n;
            while ((n = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > 8192) break; // a password, not a file
            }
            String s = buffer.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n")) return s.substring(0, s.length() - 2);
            if (s.endsWith("\n")) return s.substring(0, s.length() - 1);
            return s;
        }
    }
}
