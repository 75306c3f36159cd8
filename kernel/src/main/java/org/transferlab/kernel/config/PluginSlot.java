package org.transferlab.kernel.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.transferlab.api.PluginKind;

/**
 * Marks a record component whose entries name plugins of one kind: {@link PluginRef} values (a plugin and its options)
 * or plain plugin names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface PluginSlot {

    PluginKind value();

    /** Whether a list given for a single-valued option expands the entry into one setting per element. */
    boolean expandsLists() default false;
}
