# nbgrader configuration for the Foundations Kit course (written by `grader nbgrader`).
c = get_config()
c.CourseDirectory.course_id = "foundations"
# The test cells run hypothesis property tests; the three-loop matmul is slow.
c.ExecutePreprocessor.timeout = 300
