package dev.iamscan.model;

/** The source language a resource was written in. */
public enum Format {
  TERRAFORM,
  CLOUDFORMATION
}
