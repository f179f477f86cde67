package io.netstatd.views.interfaces;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where sysfs is.
 *
 * @param root {@code netstatd.sysfs.root}: interfaces' MTU and flags are read from
 * {@code <root>/class/net/<name>/}
 */
@ConfigurationProperties("netstatd.sysfs")
public record SysfsProperties(@DefaultValue("/sys") Path root) {

}
