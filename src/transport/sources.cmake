# Sources of src/transport/, part of the litmus library.
