package org.transferlab.kernel.cli;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.transferlab.kernel.plan.Task;

/**
 * {@code --only}: a glob over task ids in which {@code *} matches any characters, {@code /} included, so that
 * {@code attack/*} selects every attack however many parts its id has, and {@code ?} matches one character.
 */
final class TaskGlob implements Predicate<Task> {

    private final String glob;
    private final Pattern pattern;

    TaskGlob(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    @Override
    public boolean test(Task task) {
        return pattern.matcher(task.id()).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
